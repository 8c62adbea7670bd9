package org.socialcarebridge.triage.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.Prediction;

class TextClassifierTest {
    private static final String[][] TOY = {
        {"my parcel is late again", "Delay"},
        {"delivery delayed by three days", "Delay"},
        {"still waiting for the late courier", "Delay"},
        {"why is my order so late", "Delay"},
        {"I was charged twice on my card", "Billing"},
        {"wrong amount on my invoice", "Billing"},
        {"refund the double charge on my card", "Billing"},
        {"the invoice shows a charge I never made", "Billing"},
        {"cannot log in to my account", "Account"},
        {"password reset email never arrives", "Account"},
        {"my account is locked after login", "Account"},
        {"how do I change my account password", "Account"},
    };

    private static TextClassifier trained(int minimum) {
        TextClassifier c = new TextClassifier(Features.plain(), minimum);
        for (String[] e : TOY) {
            c.learn(e[0], e[1]);
        }
        return c;
    }

    @Test
    void learnsAToySeparableSetAndPredictsIt() {
        TextClassifier c = trained(5);
        assertEquals(12, c.examples());
        assertEquals(List.of("Delay", "Billing", "Account"), c.labels());
        for (String[] e : TOY) {
            assertEquals(e[1], c.predict(e[0]).orElseThrow().label(), e[0]);
        }
        assertEquals("Delay", c.predict("the courier is late").orElseThrow().label());
        assertEquals("Billing", c.predict("a strange charge on my invoice").orElseThrow().label());
        assertEquals("Account", c.predict("I forgot my password").orElseThrow().label());
        Prediction p = c.predict("late late late").orElseThrow();
        assertTrue(p.confidence() > 0.5 && p.confidence() <= 1.0, "confidence " + p.confidence());
    }

    @Test
    void staysEmptyBeforeTheMinimum() {
        TextClassifier c = new TextClassifier(Features.plain(), 12);
        assertEquals(Optional.empty(), c.predict("anything"));
        for (int i = 0; i < TOY.length - 1; i++) {
            c.learn(TOY[i][0], TOY[i][1]);
            assertEquals(Optional.empty(), c.predict("late"), "after " + (i + 1) + " examples");
        }
        c.learn(TOY[TOY.length - 1][0], TOY[TOY.length - 1][1]);
        assertTrue(c.predict("late").isPresent());
        assertEquals(12, c.minimumExamples());
    }

    @Test
    void oneLabelIsNotEnoughToChoose() {
        TextClassifier c = new TextClassifier(Features.plain(), 1);
        c.learn("a", "only");
        c.learn("b", "only");
        assertEquals(Optional.empty(), c.predict("a"));
    }

    @Test
    void theSameExamplesInTheSameOrderGiveTheSameAnswers() {
        assertEquals(trained(1).predict("charged late").orElseThrow(), trained(1).predict("charged late").orElseThrow());
    }

    @Test
    void rejectsMissingLabelsAndNonsenseMinimum() {
        TextClassifier c = new TextClassifier(Features.plain(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.learn("late parcel", null));
        assertTrue(e.getMessage().contains("label is null") && e.getMessage().contains("'late parcel'"));
        assertThrows(IllegalArgumentException.class, () -> c.learn("x", "  "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TextClassifier(Features.plain(), 0))
                .getMessage().contains("minimumExamples is 0"));
        assertEquals(0, c.examples());
    }

    @Test
    void hostileTextsAreLearntAndPredicted() {
        TextClassifier c = trained(1);
        List<String> hostile = List.of("", "<script>alert(1)</script>", "你好 مرحبا late",
                "😡😡😡", "late ".repeat(2_000));
        for (String h : hostile) {
            assertTrue(c.predict(h).isPresent(), h);
        }
        assertTrue(c.predict(null).isPresent());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String h : hostile) {
                c.learn(h, "Other");
            }
            c.learn(null, "Other");
        });
        assertEquals("Other", c.predict("<script>alert(1)</script>").orElseThrow().label());
    }

    @Test
    void predictsSafelyWhileLearning() throws Exception {
        TextClassifier c = trained(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int answered = 0;
                    for (int i = 0; i < 3_000; i++) {
                        Prediction p = c.predict("late charge password " + i).orElseThrow();
                        assertTrue(p.confidence() > 0 && p.confidence() <= 1.0 + 1e-9);
                        answered++;
                    }
                    return answered;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    String[] e = TOY[i % TOY.length];
                    c.learn(e[0] + " new" + i, i % 50 == 0 ? "Label" + i : e[1]);
                }
                return null;
            });
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            for (Future<Integer> r : readers) {
                assertEquals(3_000, r.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12 + 2_000, c.examples());
        assertFalse(c.labels().isEmpty());
        assertEquals("Billing", c.predict("charged twice on my card").orElseThrow().label());
    }
}
