package org.socialcarebridge.triage.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTest {
    /**
     * Hand-computed confusion matrix (rows actual, columns predicted):
     * <pre>
     *            neg neu pos
     *   neg        5   1   0
     *   neu        2   3   1
     *   pos        0   1   2
     * </pre>
     * n = 15, correct = 10. Precision: neg 5/7, neu 3/5, pos 2/3. Recall: neg 5/6, neu 3/6, pos 2/3.
     * F1: neg 10/13, neu 6/11, pos 2/3; macro F1 = (10/13 + 6/11 + 2/3) / 3 = 0.66045.
     */
    private static Evaluation example() {
        Evaluation e = new Evaluation(List.of("negative", "neutral", "positive"));
        add(e, "negative", "negative", 5);
        add(e, "negative", "neutral", 1);
        add(e, "neutral", "negative", 2);
        add(e, "neutral", "neutral", 3);
        add(e, "neutral", "positive", 1);
        add(e, "positive", "neutral", 1);
        add(e, "positive", "positive", 2);
        return e;
    }

    private static void add(Evaluation e, String actual, String predicted, int times) {
        for (int i = 0; i < times; i++) {
            e.add(actual, predicted);
        }
    }

    @Test
    void metricsMatchTheHandComputedMatrix() {
        Evaluation e = example();
        assertEquals(15, e.n());
        assertEquals(10.0 / 15, e.accuracy(), 1e-12);
        assertEquals(5.0 / 7, e.precision("negative"), 1e-12);
        assertEquals(3.0 / 5, e.precision("neutral"), 1e-12);
        assertEquals(2.0 / 3, e.precision("positive"), 1e-12);
        assertEquals(5.0 / 6, e.recall("negative"), 1e-12);
        assertEquals(0.5, e.recall("neutral"), 1e-12);
        assertEquals(2.0 / 3, e.recall("positive"), 1e-12);
        double f1Neg = 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6); // 10/13
        double f1Neu = 2 * 0.6 * 0.5 / 1.1; // 6/11
        double f1Pos = 2.0 / 3;
        assertEquals(10.0 / 13, e.f1("negative"), 1e-12);
        assertEquals(f1Neg, e.f1("negative"), 1e-12);
        assertEquals(f1Neu, e.f1("neutral"), 1e-12);
        assertEquals(f1Pos, e.f1("positive"), 1e-12);
        assertEquals((f1Neg + f1Neu + f1Pos) / 3, e.macroF1(), 1e-12);
        assertEquals(2, e.count("neutral", "negative"));
        assertEquals(0, e.count("positive", "negative"));
    }

    @Test
    void emptyEvaluationIsAllZeroNotNaN() {
        Evaluation e = new Evaluation(List.of("a"));
        assertEquals(0, e.accuracy());
        assertEquals(0, e.precision("a"));
        assertEquals(0, e.f1("a"));
        assertEquals(0, e.macroF1());
        assertEquals("{\"n\":0,\"accuracy\":0.0000,\"macroF1\":0.0000,\"precision\":{\"a\":0.0000},"
                + "\"recall\":{\"a\":0.0000},\"f1\":{\"a\":0.0000},\"confusion\":{\"a\":{\"a\":0}}}", e.toJson());
    }

    @Test
    void aMissingPredictionCountsAsWrongUnderNone() {
        Evaluation e = new Evaluation().add("Delay", null).add("Delay", "Delay");
        assertEquals(0.5, e.accuracy());
        assertEquals(1, e.count("Delay", "none"));
        assertEquals(List.of("Delay", "none"), e.labels());
        assertEquals(e.f1("Delay"), e.macroF1(), 1e-12, "none is not a class of its own");
    }

    @Test
    void textShowsAccuracyTableAndMatrix() {
        String text = example().toText("sentiment");
        String[] lines = text.split("\n");
        assertEquals("sentiment: n=15, accuracy=0.6667, macro F1=0.6605", lines[0]);
        assertEquals(List.of("class", "precision", "recall", "F1", "n"), List.of(lines[1].trim().split("\\s+")));
        assertEquals(List.of("negative", "0.7143", "0.8333", "0.7692", "6"), List.of(lines[2].trim().split("\\s+")));
        assertEquals(List.of("neutral", "2", "3", "1"), List.of(lines[8].trim().split("\\s+")));
    }

    @Test
    void jsonHasTheAgreedShapeWithFourDecimals() {
        assertEquals("{\"n\":15,\"accuracy\":0.6667,\"macroF1\":0.6605,"
                + "\"precision\":{\"negative\":0.7143,\"neutral\":0.6000,\"positive\":0.6667},"
                + "\"recall\":{\"negative\":0.8333,\"neutral\":0.5000,\"positive\":0.6667},"
                + "\"f1\":{\"negative\":0.7692,\"neutral\":0.5455,\"positive\":0.6667},"
                + "\"confusion\":{\"negative\":{\"negative\":5,\"neutral\":1,\"positive\":0},"
                + "\"neutral\":{\"negative\":2,\"neutral\":3,\"positive\":1},"
                + "\"positive\":{\"negative\":0,\"neutral\":1,\"positive\":2}}}", example().toJson());
    }

    @Test
    void jsonEscapesLabels() {
        String json = new Evaluation().add("a\"b\\c\n\u0001</script>", "x").toJson();
        assertEquals("{\"n\":1,\"accuracy\":0.0000,\"macroF1\":0.0000,"
                + "\"precision\":{\"a\\\"b\\\\c\\n\\u0001</script>\":0.0000,\"x\":0.0000},"
                + "\"recall\":{\"a\\\"b\\\\c\\n\\u0001</script>\":0.0000,\"x\":0.0000},"
                + "\"f1\":{\"a\\\"b\\\\c\\n\\u0001</script>\":0.0000,\"x\":0.0000},"
                + "\"confusion\":{\"a\\\"b\\\\c\\n\\u0001</script>\":{\"a\\\"b\\\\c\\n\\u0001</script>\":0,\"x\":1},"
                + "\"x\":{\"a\\\"b\\\\c\\n\\u0001</script>\":0,\"x\":0}}}", json);
    }
}
