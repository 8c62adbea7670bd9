package org.socialcarebridge.triage.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.socialcarebridge.triage.Prediction;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.sentiment.Token;
import org.socialcarebridge.triage.sentiment.Tokens;

/**
 * The desk's learnt knowledge: what agents said about messages' sentiment and category, learnt at
 * run time (nothing is shipped pre-trained). An answer is given only once a classifier has seen
 * enough examples and is sure enough, so a young model stays quiet instead of guessing. Thread-safe.
 */
public final class TextModel {
    /** Sentiment examples needed before {@link #sentiment} answers. */
    public static final int MIN_SENTIMENT_EXAMPLES = 200;
    /** Category examples needed before {@link #category} answers. */
    public static final int MIN_CATEGORY_EXAMPLES = 200;
    /**
     * The sentiment classifier's probability below which {@link #sentiment} says nothing. Low: on
     * tuning data the trained model beat the lexicon even when unsure, so it answers unless it is
     * close to a three-way tie.
     */
    public static final double MIN_SENTIMENT_CONFIDENCE = 0.4;
    /** The category classifier's probability below which {@link #category} says nothing. */
    public static final double MIN_CATEGORY_CONFIDENCE = 0.5;
    /** Noise examples (agents' "Noise" marks and promotions of filtered messages) before {@link #noise} answers. */
    public static final int MIN_NOISE_EXAMPLES = 20;
    /**
     * High on purpose: a customer filtered by mistake goes unanswered, a spammer ticketed by mistake
     * costs an agent a click.
     */
    public static final double MIN_NOISE_CONFIDENCE = 0.9;
    static final String NOISE = "noise";
    static final String NOT_NOISE = "not-noise";

    private final Features lexiconFeatures = Features.withLexicon();
    private final Features plainFeatures = Features.plain();
    /**
     * The last text this thread split, with its features: triage asks for sentiment and category of
     * the same message in a row, and splitting is half the cost of a prediction.
     */
    private final ThreadLocal<Split> last = new ThreadLocal<>();
    private final TextClassifier sentiments = new TextClassifier(t -> split(t).sentimentFeatures(),
            MIN_SENTIMENT_EXAMPLES);
    private final TextClassifier categories = new TextClassifier(t -> split(t).words(), MIN_CATEGORY_EXAMPLES);
    private final TextClassifier noise = new TextClassifier(t -> split(t).words(), MIN_NOISE_EXAMPLES);

    private record Split(String text, List<Token> tokens, List<String> words, Features lexicon) {
        List<String> sentimentFeatures() {
            List<String> reading = lexicon.lexiconReading(tokens);
            List<String> all = new ArrayList<>(words.size() + reading.size());
            all.addAll(words);
            all.addAll(reading);
            return all;
        }
    }

    private Split split(String text) {
        Split s = last.get();
        if (s == null || !s.text().equals(text)) {
            List<Token> tokens = Tokens.of(text);
            s = new Split(text, tokens, plainFeatures.words(tokens), lexiconFeatures);
            last.set(s);
        }
        return s;
    }

    public void learnSentiment(String text, Sentiment sentiment) {
        Objects.requireNonNull(sentiment, "sentiment");
        sentiments.learn(text, sentiment.key());
    }

    /** @param category a Social Category name, e.g. "Delay" */
    public void learnCategory(String text, String category) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("category is " + (category == null ? "null" : "blank")
                    + "; name the category the message belongs to");
        }
        categories.learn(text, category.strip());
    }

    /** @param isNoise true: agents marked it as noise; false: a supervisor said it is not (promoted it, or Social Noise = No) */
    public void learnNoise(String text, boolean isNoise) {
        noise.learn(text, isNoise ? NOISE : NOT_NOISE);
    }

    /**
     * Present only when the desk's examples say this text is noise, having seen both noise and
     * genuine messages, and very surely so.
     */
    public Optional<Prediction> noise(String text) {
        if (noise.labels().size() < 2) {
            return Optional.empty();
        }
        return noise.predict(text).filter(p -> NOISE.equals(p.label()) && p.confidence() >= MIN_NOISE_CONFIDENCE);
    }

    /** The learnt sentiment (label: a {@link Sentiment#key()}), when trained and sure enough. */
    public Optional<Prediction> sentiment(String text) {
        return sentiments.predict(text).filter(p -> p.confidence() >= MIN_SENTIMENT_CONFIDENCE);
    }

    /** The learnt category, when trained and sure enough. */
    public Optional<Prediction> category(String text) {
        return categories.predict(text).filter(p -> p.confidence() >= MIN_CATEGORY_CONFIDENCE);
    }

    public int sentimentExamples() {
        return sentiments.examples();
    }

    public int categoryExamples() {
        return categories.examples();
    }

    /** The sentiment classifier itself, answering at any confidence. */
    public TextClassifier sentimentClassifier() {
        return sentiments;
    }

    /** The category classifier itself, answering at any confidence. */
    public TextClassifier categoryClassifier() {
        return categories;
    }
}
