package org.socialcarebridge.triage.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialcarebridge.triage.Sentiment;

class SentimentLexiconTest {
    private final SentimentLexicon lexicon = new SentimentLexicon();

    private Sentiment label(String text) {
        return lexicon.read(text).label();
    }

    private double score(String text) {
        return lexicon.score(text);
    }

    @Test
    void readsPlainComplaintsAndPraise() {
        assertEquals(Sentiment.NEGATIVE, label("My order was delayed and the parcel is lost"));
        assertEquals(Sentiment.NEGATIVE, label("Worst support ever, been on hold for an hour"));
        assertEquals(Sentiment.POSITIVE, label("Thanks, the team was awesome"));
        assertEquals(Sentiment.NEUTRAL, label("What time does the store open on Sunday?"));
        assertEquals(SentimentReading.LEXICON, lexicon.read("hi").source());
    }

    @Test
    void negationFlipsTheWordsThatFollow() {
        assertEquals(Sentiment.POSITIVE, label("great service"));
        assertEquals(Sentiment.NEGATIVE, label("not great service"));
        assertEquals(Sentiment.NEGATIVE, label("not good service"));
        assertEquals(Sentiment.NEGATIVE, label("the app isn't helpful"));
        assertEquals(Sentiment.NEGATIVE, label("I don't love it"));
        assertEquals(Sentiment.NEGATIVE, label("never happy with this"));
        assertEquals(Sentiment.NEGATIVE, label("no good"));
        assertTrue(score("not bad at all") > score("bad at all"));
    }

    @Test
    void negationEndsWithTheClause() {
        assertEquals(Sentiment.POSITIVE, label("I did not expect much. The staff were great"));
    }

    @Test
    void intensifiersCapitalsAndExclamationsStrengthen() {
        assertTrue(score("very good") > score("good"));
        assertTrue(score("extremely rude staff") < score("rude staff"));
        assertTrue(score("so slow") < score("slow"));
        assertTrue(score("this is BAD") < score("this is bad"), "a shouted word weighs more");
        assertTrue(score("great service!!!") > score("great service"));
        assertTrue(score("delayed again!!!") < score("delayed again"));
    }

    @Test
    void allCapitalsIsNotEmphasisOfOneWord() {
        assertEquals(score("the service is bad"), score("THE SERVICE IS BAD"), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"😡", "😠😠", "👎", "😢", ":(", ":-(", ":/", "😡😡😡"})
    void negativeEmojiAlone(String text) {
        assertEquals(Sentiment.NEGATIVE, label(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"🙏", "❤️", "👍", "😍", "😂", ":)", ":-)", ":D", "<3", "👍🏽"})
    void positiveEmojiAlone(String text) {
        assertEquals(Sentiment.POSITIVE, label(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks for nothing", "Thanks for nothing @shop", "great, another delay",
        "just great.", "I love waiting on hold", "yeah right", "love this company /s",
        "My parcel is lost again, thanks a lot", "oh great, cancelled"})
    void sarcasmReadsNegative(String text) {
        assertEquals(Sentiment.NEGATIVE, label(text), text);
    }

    @Test
    void thanksALotAloneIsThanks() {
        assertEquals(Sentiment.POSITIVE, label("thanks a lot!"));
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertEquals(Sentiment.NEGATIVE, label("The staff were nice but my refund is still missing"));
        assertEquals(Sentiment.POSITIVE, label("It was delayed, but the staff were wonderful"));
        assertEquals(Sentiment.POSITIVE, label("It was delayed; however the crew was amazing"));
    }

    @Test
    void mentionsAndUrlsSayNothingHashtagsAreRead() {
        assertEquals(0.0, score("@worst_bank https://terrible.example/awful"), 1e-9);
        assertEquals(Sentiment.NEGATIVE, label("my order #NeverAgain"));
        assertEquals(Sentiment.NEGATIVE, label("#fail"));
        assertEquals(Sentiment.POSITIVE, label("#LoveIt"));
    }

    @Test
    void emptyAndNullAreNeutral() {
        assertEquals(new SentimentReading(Sentiment.NEUTRAL, 0.0, "lexicon"), lexicon.read(""));
        assertEquals(new SentimentReading(Sentiment.NEUTRAL, 0.0, "lexicon"), lexicon.read(null));
        assertEquals(Sentiment.NEUTRAL, label("   \n\t "));
    }

    @Test
    void scoreStaysWithinBounds() {
        String rant = "worst worst worst horrible awful!!!!!!! 😡😡😡 ".repeat(200);
        double s = score(rant);
        assertTrue(s >= -1 && s < -0.9, "score " + s);
        assertTrue(score("best best awesome love ❤️ ".repeat(200)) <= 1);
    }

    @Test
    void tenThousandCharactersAreRead() {
        String longText = ("the delivery was late and nobody answered " + "x".repeat(50) + " ").repeat(120)
                .substring(0, 10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertEquals(Sentiment.NEGATIVE, label(longText)));
        String oneWord = "a".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertEquals(Sentiment.NEUTRAL, label(oneWord)));
        String punctuation = ":(".repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertEquals(Sentiment.NEGATIVE, label(punctuation)));
    }

    @Test
    void mixedScriptsDoNotConfuseIt() {
        assertEquals(Sentiment.NEUTRAL, label("你好 مرحبا hello"));
        assertEquals(Sentiment.NEGATIVE, label("注文 terrible خدمة 😡"));
        assertEquals(Sentiment.POSITIVE, label("ありがとう thanks شكرا"));
    }

    @Test
    void htmlAndScriptAreJustText() {
        assertEquals(Sentiment.NEUTRAL, label("<script>alert(1)</script>"));
        assertEquals(Sentiment.NEGATIVE, label("<b>awful</b> &amp; <i>rude</i>"));
    }

    @Test
    void labelThresholdsAreTheDocumentedOnes() {
        assertEquals(Sentiment.NEGATIVE, SentimentLexicon.label(SentimentLexicon.NEGATIVE_BELOW));
        assertEquals(Sentiment.NEUTRAL, SentimentLexicon.label(SentimentLexicon.NEGATIVE_BELOW + 1e-9));
        assertEquals(Sentiment.NEUTRAL, SentimentLexicon.label(SentimentLexicon.POSITIVE_ABOVE - 1e-9));
        assertEquals(Sentiment.POSITIVE, SentimentLexicon.label(SentimentLexicon.POSITIVE_ABOVE));
    }
}
