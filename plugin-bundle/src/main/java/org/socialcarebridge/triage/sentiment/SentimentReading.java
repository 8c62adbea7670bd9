package org.socialcarebridge.triage.sentiment;

import org.socialcarebridge.triage.Sentiment;

/**
 * How a message reads.
 *
 * @param score  -1 (very negative) .. +1 (very positive)
 * @param source what decided: "lexicon" or "learned"
 */
public record SentimentReading(Sentiment label, double score, String source) {
    public static final String LEXICON = "lexicon";
    public static final String LEARNED = "learned";
}
