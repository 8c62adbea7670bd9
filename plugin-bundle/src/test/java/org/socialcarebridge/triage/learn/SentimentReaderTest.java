package org.socialcarebridge.triage.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.sentiment.SentimentLexicon;
import org.socialcarebridge.triage.sentiment.SentimentReading;
import org.junit.jupiter.api.Test;

class SentimentReaderTest {
    private final SentimentLexicon lexicon = new SentimentLexicon();

    @Test
    void usesTheLexiconUntilTheModelHasLearntEnough() {
        TextModel model = new TextModel();
        for (int i = 0; i < TextModel.MIN_SENTIMENT_EXAMPLES - 1; i++) {
            model.learnSentiment("terrible service " + i, i % 2 == 0 ? Sentiment.POSITIVE : Sentiment.NEUTRAL);
        }
        SentimentReader reader = new SentimentReader(lexicon, model);
        SentimentReading r = reader.read("terrible service");
        assertEquals(lexicon.read("terrible service"), r);
        assertEquals("lexicon", r.source());
    }

    @Test
    void usesTheLearntModelOnceTrainedAndSure() {
        // The desk says "blorf" is praise and "snark" a complaint: words no lexicon knows.
        TextModel model = new TextModel();
        for (int i = 0; i < TextModel.MIN_SENTIMENT_EXAMPLES / 2; i++) {
            model.learnSentiment("so blorf today " + i, Sentiment.POSITIVE);
            model.learnSentiment("so snark today " + i, Sentiment.NEGATIVE);
        }
        SentimentReader reader = new SentimentReader(lexicon, model);
        SentimentReading praise = reader.read("so blorf");
        assertEquals(new SentimentReading(Sentiment.POSITIVE, praise.score(), "learned"), praise);
        assertTrue(praise.score() >= TextModel.MIN_SENTIMENT_CONFIDENCE && praise.score() <= 1);
        SentimentReading complaint = reader.read("so snark");
        assertEquals(Sentiment.NEGATIVE, complaint.label());
        assertTrue(complaint.score() <= -TextModel.MIN_SENTIMENT_CONFIDENCE && complaint.score() >= -1);
        assertEquals(Sentiment.NEUTRAL, lexicon.read("so blorf").label(), "the lexicon alone cannot tell");
    }

    @Test
    void scoreAgreesWithTheLabel() {
        TextModel model = TextModelTestData.trained();
        SentimentReader reader = new SentimentReader(lexicon, model);
        for (String t : new String[] {"still no refund", "what time do you open", "thanks for the quick help"}) {
            SentimentReading r = reader.read(t);
            assertEquals("learned", r.source(), t);
            assertEquals(r.label(), SentimentLexicon.label(r.score()), t + " scored " + r.score());
        }
    }

    @Test
    void hostileInputsAndNull() {
        SentimentReader fresh = new SentimentReader(lexicon, new TextModel());
        SentimentReader trained = new SentimentReader(lexicon, TextModelTestData.trained());
        for (SentimentReader reader : new SentimentReader[] {fresh, trained}) {
            assertEquals(new SentimentReading(Sentiment.NEUTRAL, 0.0, "lexicon"), reader.read(null));
            assertEquals(new SentimentReading(Sentiment.NEUTRAL, 0.0, "lexicon"), reader.read(""));
            assertEquals(new SentimentReading(Sentiment.NEUTRAL, 0.0, "lexicon"), reader.read(" \n "));
            reader.read("<script>alert(1)</script>");
            reader.read("你好 مرحبا hello");
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> reader.read("late ".repeat(2_000)));
            SentimentReading emoji = reader.read("😡😡😡");
            assertTrue(emoji.score() >= -1 && emoji.score() <= 1);
        }
        assertEquals(Sentiment.NEGATIVE, fresh.read("😡😡😡").label());
        assertThrows(NullPointerException.class, () -> new SentimentReader(null, new TextModel()));
        assertThrows(NullPointerException.class, () -> new SentimentReader(lexicon, null));
    }
}
