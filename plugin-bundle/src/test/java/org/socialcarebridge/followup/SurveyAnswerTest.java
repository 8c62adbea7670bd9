package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswerTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}, angry {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # bare numbers
            5                               | 5 | false
            5!                              | 5 | false
            "  4 "                          | 4 | false
            1                               | 1 | false
            3.                              | 3 | false
            "5?"                            | 5 | false
            4️⃣                              | 4 | false
            ٤                               | 4 | false
            # with a scale
            4/5                             | 4 | false
            4 / 5                           | 4 | false
            4 out of 5                      | 4 | false
            4 of 5                          | 4 | false
            a 4 out of 5 stars              | 4 | false
            5/5 would recommend             | 5 | false
            # out of ten, scaled and rounded half up
            10/10                           | 5 | false
            9/10                            | 5 | false
            8 / 10                          | 4 | false
            7 out of 10                     | 4 | false
            5/10                            | 3 | false
            3/10                            | 2 | false
            1/10                            | 1 | false
            ten out of ten                  | 5 | false
            # cues and units
            score: 4                        | 4 | false
            Rating: 2                       | 2 | false
            I'd give you a 4                | 4 | false
            4 stars                         | 4 | false
            4-star service                  | 4 | false
            3 stars, the wait was long      | 3 | false
            5⭐                              | 5 | false
            5 ⭐⭐⭐⭐⭐                      | 5 | false
            ⭐ 5                             | 5 | false
            # number words
            five                            | 5 | false
            Four!                           | 4 | false
            a solid four                    | 4 | false
            Three stars                     | 3 | false
            one                             | 1 | false
            # stars
            ★★★★                            | 4 | false
            ★★★★☆                           | 4 | false
            ★★☆☆☆                           | 2 | false
            ⭐⭐⭐⭐⭐                        | 5 | false
            ⭐️⭐️⭐️                          | 3 | false
            🌟🌟🌟🌟🌟                      | 5 | false
            ⭐⭐⭐⭐⭐⭐⭐                    | 5 | false
            ★★★★★★★★☆☆                      | 4 | false
            # mentions and links are not read
            @acme 5                         | 5 | false
            @acme_help@mastodon.social 3    | 3 | false
            5 https://t.co/abc123           | 5 | false
            https://example.com/4/5 2       | 2 | false
            # a number beats words and faces
            "4, great"                      | 4 | false
            "5 but still slow"              | 5 | false
            1 😍                            | 1 | false
            "fixed in 2 days, 5/5"          | 5 | false
            "took 3 calls, but 4"           | 4 | false
            5 - Sam was brilliant           | 5 | false
            # halves and ranges: the lower; far apart: none
            4.5                             | 4 | false
            "4,5"                           | 4 | false
            4.5/5                           | 4 | false
            between 3 and 4                 | 3 | false
            3-4                             | 3 | false
            3 or 4                          | 3 | false
            4 and 5                         | 4 | false
            2-4                             |   | false
            "4 for Sam, 1 for the app"      |   | false
            "on a scale of 1 to 5, 4"       | 4 | false
            "1-5? 3"                        | 3 | false
            # numbers that are no rating
            order 12345 still missing       |   | true
            it took 3 days                  |   | false
            waited 2 hours                  |   | true
            call me at 5                    |   | false
            5pm works                       |   | false
            "#1 fan"                        |   | false
            £5 refund please                |   | false
            5% off                          |   | false
            5:30                            |   | false
            1/5/2024                        |   | false
            we are 24/7                     |   | false
            3.14                            |   | false
            "1,000"                         |   | false
            2-day delivery                  |   | false
            no one called me back           |   | true
            high five                       |   | false
            one more thing                  |   | false
            # off the scale; zero and below read as angry
            0                               |   | true
            0/10                            |   | true
            -1                              |   | true
            ☆☆☆☆☆                           |   | true
            6                               |   | false
            100                             |   | false
            11/10                           |   | false
            it's a 10                       |   | false
            # faces
            😍                              | 5 | false
            🤩                              | 5 | false
            😀                              | 5 | false
            ❤️                              | 5 | false
            😊                              | 4 | false
            🙂                              | 4 | false
            👍                              | 4 | false
            👍🏽                              | 4 | false
            :)                              | 4 | false
            😐                              | 3 | false
            🙁                              | 2 | false
            😞                              | 2 | false
            👎                              | 2 | false
            :(                              | 2 | false
            😡                              | 1 | false
            🤬                              | 1 | false
            😠                              | 1 | false
            😍👍                            | 4 | false
            😡😍                            |   | false
            # words
            great thanks                    | 5 | false
            excellent                       | 5 | false
            Greaaat!!                       | 5 | false
            top notch                       | 5 | false
            very good                       | 5 | false
            good                            | 4 | false
            "good, thanks Sam"              | 4 | false
            no complaints                   | 4 | false
            ok                              | 3 | false
            fine                            | 3 | false
            meh                             | 3 | false
            so-so                           | 3 | false
            could be better                 | 3 | false
            bad                             | 2 | false
            poor                            | 2 | false
            terrible                        | 1 | false
            awful                           | 1 | false
            useless                         | 1 | false
            worst                           | 1 | false
            "useless, still broken"         | 1 | false
            really bad                      | 1 | false
            # negation
            not great                       | 2 | false
            wasn't great                    | 2 | false
            not very good                   | 2 | false
            not ok                          | 2 | false
            not bad                         | 4 | false
            not too bad                     | 4 | false
            not the worst                   | 3 | false
            "not great, not terrible"       | 2 | false
            # praise in a complaint, questions, greetings
            "great, still broken"           |   | true
            "oh great, another delay"       |   | true
            "good? who is this?"            |   | false
            "good morning, who is this?"    |   | false
            have a great day                |   | false
            # no score at all
            thanks                          |   | false
            who is this?                    |   | false
            Thank you!                      |   | false
            🙏                              |   | false
            still broken                    |   | true
            thanks for nothing              |   | true
            you never fixed it              |   | true
            no                              |   | false
            """)
    void readsTheScore(String text, Integer score, boolean angry) {
        SurveyAnswer answer = SurveyAnswer.read(text);
        assertEquals(Optional.ofNullable(score), answer.score(), answer.reading());
        assertEquals(angry, answer.angry(), answer.reading());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            5!                              | "5" read as 5
            4 / 5                           | "4/5" read as 4
            4 out of 5 stars                | "4 out of 5 stars" read as 4
            ★★★★                            | "★★★★" read as 4
            5⭐                              | "5⭐" read as 5
            between 3 and 4                 | "between 3 and 4" read as 3, the lower
            😍👍                            | "😍" and "👍" read as 4, the lower
            wasn't great                    | "wasn't great" read as 2
            Greaaat!!                       | "great" read as 5
            "4 for Sam, 1 for the app"      | no score: "4" and "1" disagree
            2-4                             | no score: "2-4" is too wide
            0                               | no score: "0" is below the scale, reads as angry
            100                             | no score: "100" is off the 1-5 scale
            "great, still broken"           | no score: "great" in a complaint, reads as angry
            useless!! still broken!!        | "useless" read as 1
            still broken                    | no score: reads as angry
            who is this?                    | no score found
            """)
    void explainsTheReading(String text, String reading) {
        assertEquals(reading, SurveyAnswer.read(text).reading());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankReadsAsNoScore(String text) {
        SurveyAnswer answer = SurveyAnswer.read(text);
        assertEquals(Optional.empty(), answer.score());
        assertFalse(answer.angry());
        assertEquals("no score found", answer.reading());
    }

    @Test
    void nullReadsAsNoScore() {
        assertEquals(SurveyAnswer.read(""), SurveyAnswer.read(null));
    }

    @Test
    void onlyTheFirstCharactersAreRead() {
        String filler = "hello ".repeat(SurveyAnswer.MAX_CHARS / 6 + 1);
        assertEquals(Optional.empty(), SurveyAnswer.read(filler + "5").score());
        assertEquals(Optional.of(5), SurveyAnswer.read("5! " + filler).score());
    }

    @Test
    void anEmojiAtTheCutIsLeftOutWholeNotHalved() {
        String head = "x".repeat(SurveyAnswer.MAX_CHARS - 1);
        assertEquals(head, CustomerText.head(head + "😡", SurveyAnswer.MAX_CHARS));
        assertEquals(head + "y", CustomerText.head(head + "y😡", SurveyAnswer.MAX_CHARS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "9/", "4 out of ", "1-", "not ", "★", "aaaa", "@x", "http://", "5:5", "1.1.",
        "very "})
    void longHostileInputIsReadQuickly(String unit) {
        String text = unit.repeat(200_000 / unit.length());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SurveyAnswer.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"great <script>alert(1)</script>", "5 <b>stars</b>", "@evil 4 https://evil.example/x",
        "not bad \u202Egnirts\u202C", "terrible!!! [link](javascript:x)", "order #4 <img src=x>"})
    void theReadingNeverQuotesTheCustomer(String text) {
        String reading = SurveyAnswer.read(text).reading();
        for (String part : new String[] {"<", ">", "script", "evil", "http", "javascript", "\u202E", "img"}) {
            assertFalse(reading.contains(part), reading);
        }
        assertTrue(reading.startsWith("\"") || reading.startsWith("no score"), reading);
    }
}
