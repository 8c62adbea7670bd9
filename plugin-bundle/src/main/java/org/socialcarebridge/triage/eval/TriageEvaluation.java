package org.socialcarebridge.triage.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.socialcarebridge.triage.Sentiment;

/** Scores triage's sentiment and category answers against labelled examples. */
public final class TriageEvaluation {
    private TriageEvaluation() {
    }

    /** Both tasks' results; the category one counts only examples that have a category. */
    public record Report(Evaluation sentiment, Evaluation category) {
        /** Accuracy, per-class table and confusion matrix of each task, for people. */
        public String toText() {
            return sentiment.toText("sentiment") + "\n" + category.toText("category");
        }

        /** One line: {@code {"sentiment":{…},"category":{…}}}, as {@link Evaluation#toJson()} shapes each. */
        public String toJson() {
            return "{\"sentiment\":" + sentiment.toJson() + ",\"category\":" + category.toJson() + "}";
        }
    }

    /**
     * Asks {@code sentiment} and {@code category} about every example's text. A function may answer
     * null ("no idea"), which counts as wrong.
     */
    public static Report evaluate(List<LabelledExample> test, Function<String, Sentiment> sentiment,
                                  Function<String, String> category) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(category, "category");
        Evaluation s = new Evaluation(List.of(Sentiment.NEGATIVE.key(), Sentiment.NEUTRAL.key(),
                Sentiment.POSITIVE.key()));
        Evaluation c = new Evaluation();
        for (LabelledExample e : test) {
            Sentiment got = sentiment.apply(e.text());
            s.add(e.sentiment().key(), got == null ? null : got.key());
            if (e.category() != null) {
                c.add(e.category(), category.apply(e.text()));
            }
        }
        return new Report(s, c);
    }
}
