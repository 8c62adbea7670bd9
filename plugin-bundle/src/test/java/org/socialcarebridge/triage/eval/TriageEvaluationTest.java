package org.socialcarebridge.triage.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.Sentiment;

class TriageEvaluationTest {
    private static final List<LabelledExample> EXAMPLES = List.of(
            new LabelledExample("parcel late", Sentiment.NEGATIVE, "Delay"),
            new LabelledExample("order cancelled", Sentiment.NEGATIVE, "Cancellation"),
            new LabelledExample("thanks", Sentiment.POSITIVE, null),
            new LabelledExample("when do you open?", Sentiment.NEUTRAL, null));

    private static Sentiment sentiment(String text) {
        return text.contains("thanks") ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
    }

    @Test
    void categoryCountsOnlyExamplesThatHaveOne() {
        var report = TriageEvaluation.evaluate(EXAMPLES, TriageEvaluationTest::sentiment, t -> "Delay");
        assertEquals(4, report.sentiment().n());
        assertEquals(0.75, report.sentiment().accuracy());
        assertEquals(2, report.category().n());
        assertEquals(0.5, report.category().accuracy());
        assertEquals(List.of("negative", "neutral", "positive"), report.sentiment().labels());
    }

    @Test
    void jsonIsOneLineWithBothTasks() {
        String json = TriageEvaluation.evaluate(EXAMPLES, TriageEvaluationTest::sentiment, t -> "Delay").toJson();
        assertFalse(json.contains("\n"));
        assertTrue(json.startsWith("{\"sentiment\":{\"n\":4,\"accuracy\":0.7500,\"macroF1\":"), json);
        assertTrue(json.contains(",\"f1\":{\"negative\":0.8000,\"neutral\":0.0000,\"positive\":1.0000},"), json);
        assertTrue(json.contains("\"confusion\":{\"negative\":{\"negative\":2,\"neutral\":0,\"positive\":0},"
                + "\"neutral\":{\"negative\":1,\"neutral\":0,\"positive\":0},"), json);
        assertTrue(json.contains("},\"category\":{\"n\":2,\"accuracy\":0.5000,\"macroF1\":"), json);
        assertTrue(json.endsWith("}}"), json);
    }

    @Test
    void textHasATableAndMatrixPerTask() {
        String text = TriageEvaluation.evaluate(EXAMPLES, TriageEvaluationTest::sentiment, t -> null).toText();
        assertTrue(text.contains("sentiment: n=4, accuracy=0.7500"), text);
        assertTrue(text.contains("category: n=2, accuracy=0.0000"), text);
        assertEquals(2, text.split("confusion \\(rows actual", -1).length - 1);
    }

    @Test
    void nullAnswersAndHostileTextsAreScoredNotThrown() {
        List<LabelledExample> hostile = List.of(
                new LabelledExample("", Sentiment.NEUTRAL, null),
                new LabelledExample("<script>alert(1)</script>", Sentiment.NEUTRAL, "Other"),
                new LabelledExample("你好 مرحبا 😡😡 " + "x".repeat(10_000), Sentiment.NEGATIVE, "Other"));
        var report = TriageEvaluation.evaluate(hostile, t -> null, t -> null);
        assertEquals(0, report.sentiment().accuracy());
        assertEquals(3, report.sentiment().count("negative", "none") + report.sentiment().count("neutral", "none"));
        assertTrue(report.toJson().contains("\"none\""));
    }
}
