package org.socialcarebridge.triage.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.Sentiment;

class TextModelTest {
    static final String[] NEGATIVE = {"my parcel is late again", "the app keeps crashing", "worst support ever",
        "still no refund", "charged twice and nobody answers"};
    static final String[] NEUTRAL = {"what time do you open", "is the shop open on sunday", "how do I change my address",
        "do you ship to canada", "where can I find the manual"};
    static final String[] POSITIVE = {"thanks for the quick help", "love the new app", "great service today",
        "the agent was lovely", "awesome delivery, thank you"};

    /** Trains {@code rounds} × 15 sentiment examples (numbered so each text differs). */
    static TextModel trained(int rounds) {
        TextModel m = new TextModel();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 5; i++) {
                m.learnSentiment(NEGATIVE[i] + " " + r, Sentiment.NEGATIVE);
                m.learnSentiment(NEUTRAL[i] + " " + r, Sentiment.NEUTRAL);
                m.learnSentiment(POSITIVE[i] + " " + r, Sentiment.POSITIVE);
            }
        }
        return m;
    }

    @Test
    void sentimentAnswersOnlyAfterTheMinimum() {
        TextModel m = trained(13); // 195 examples
        assertEquals(195, m.sentimentExamples());
        assertEquals(Optional.empty(), m.sentiment("still no refund"));
        for (int i = 0; i < 5; i++) {
            m.learnSentiment(NEGATIVE[i], Sentiment.NEGATIVE);
        }
        assertEquals(TextModel.MIN_SENTIMENT_EXAMPLES, m.sentimentExamples());
        assertEquals("negative", m.sentiment("still no refund").orElseThrow().label());
        assertEquals("positive", m.sentiment("thanks for the quick help").orElseThrow().label());
        assertEquals("neutral", m.sentiment("what time do you open").orElseThrow().label());
    }

    @Test
    void categoryAnswersOnlyAfterTheMinimumAndWhenSure() {
        TextModel m = new TextModel();
        for (int r = 0; r < TextModel.MIN_CATEGORY_EXAMPLES / 2; r++) {
            m.learnCategory("parcel late delivery delayed " + r, "Delay");
            assertEquals(Optional.empty(), m.category("parcel late"));
            m.learnCategory("charged twice invoice refund " + r, "Booking and Billing");
        }
        assertEquals(TextModel.MIN_CATEGORY_EXAMPLES, m.categoryExamples());
        assertEquals("Delay", m.category("my parcel is late").orElseThrow().label());
        assertTrue(m.category("my parcel is late").orElseThrow().confidence() >= TextModel.MIN_CATEGORY_CONFIDENCE);
        assertEquals("Booking and Billing", m.category("charged twice").orElseThrow().label());
        assertEquals(TextModel.MIN_CATEGORY_EXAMPLES, m.categoryClassifier().examples());
    }

    @Test
    void predictsOnManyThreadsWhileLearning() throws Exception {
        TextModel m = trained(14);
        for (int i = 0; i < TextModel.MIN_CATEGORY_EXAMPLES; i++) {
            m.learnCategory(NEGATIVE[i % 5] + " " + i, i % 2 == 0 ? "Delay" : "Account");
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String text = (i % 2 == 0 ? NEGATIVE : POSITIVE)[i % 5];
                        assertTrue(m.sentiment(text).isPresent(), text);
                        m.category(text);
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    m.learnSentiment(NEUTRAL[i % 5] + " again " + i, Sentiment.NEUTRAL);
                    m.learnCategory(NEGATIVE[i % 5] + " again " + i, "Delay");
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(14 * 15 + 1_000, m.sentimentExamples());
        assertEquals(TextModel.MIN_CATEGORY_EXAMPLES + 1_000, m.categoryExamples());
    }

    @Test
    void rejectsMissingLabels() {
        TextModel m = new TextModel();
        assertThrows(NullPointerException.class, () -> m.learnSentiment("x", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.learnCategory("x", " "));
        assertTrue(e.getMessage().contains("category is blank"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.learnCategory("x", null));
    }

    @Test
    void hostileTexts() {
        TextModel m = trained(14);
        for (String h : new String[] {"", null, "<script>alert(1)</script>", "你好 مرحبا", "😡😡", "a".repeat(10_000)}) {
            assertTrue(m.sentiment(h).isEmpty() || m.sentiment(h).get().confidence() >= 0.4, String.valueOf(h));
            assertEquals(Optional.empty(), m.category(h));
            m.learnSentiment(h, Sentiment.NEUTRAL);
        }
        assertEquals(14 * 15 + 6, m.sentimentExamples());
    }
}
