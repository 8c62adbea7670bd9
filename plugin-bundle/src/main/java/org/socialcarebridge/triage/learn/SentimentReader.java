package org.socialcarebridge.triage.learn;

import java.util.Objects;
import java.util.Optional;

import org.socialcarebridge.triage.Prediction;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.sentiment.SentimentLexicon;
import org.socialcarebridge.triage.sentiment.SentimentReading;

/**
 * Reads a message's sentiment: the desk's {@link TextModel} when it has learnt enough and is sure
 * (source "learned"), otherwise the {@link SentimentLexicon} (source "lexicon"). The learnt model
 * sees the lexicon's reading among its features, so it corrects the lexicon rather than ignoring it.
 * Thread-safe.
 */
public final class SentimentReader {
    private final SentimentLexicon lexicon;
    private final TextModel model;

    public SentimentReader(SentimentLexicon lexicon, TextModel model) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Null, empty and blank text read as neutral, from the lexicon: there is nothing to learn from. */
    public SentimentReading read(String text) {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            return lexicon.read(t);
        }
        Optional<Prediction> learned = model.sentiment(t);
        if (learned.isPresent()) {
            Sentiment s = Sentiment.fromKey(learned.get().label());
            if (s != null) {
                return new SentimentReading(s, score(s, learned.get().confidence()), SentimentReading.LEARNED);
            }
        }
        return lexicon.read(t);
    }

    /** A learnt reading's score: as sure as the model, on the side of its label (neutral is 0). */
    private static double score(Sentiment s, double confidence) {
        return switch (s) {
            case NEGATIVE -> -confidence;
            case POSITIVE -> confidence;
            case NEUTRAL -> 0.0;
        };
    }
}
