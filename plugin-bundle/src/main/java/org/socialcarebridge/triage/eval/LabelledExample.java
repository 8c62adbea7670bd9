package org.socialcarebridge.triage.eval;

import java.util.Objects;

import org.socialcarebridge.triage.Sentiment;

/**
 * A message with the answer a person gave.
 *
 * @param category the Social Category, or null when the example has none
 */
public record LabelledExample(String text, Sentiment sentiment, String category) {
    public LabelledExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentiment, "sentiment");
        category = category == null || category.isBlank() ? null : category.strip();
    }
}
