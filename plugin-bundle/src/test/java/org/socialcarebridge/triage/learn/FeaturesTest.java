package org.socialcarebridge.triage.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void wordsBigramsNegationMentionsAndUrls() {
        assertEquals(List.of("@user", "not", "not_good", "url", "!", "@user_not", "not_not_good", "not_good_url",
                "url_!"), Features.plain().apply("@Shop not good https://x.example !"));
    }

    @Test
    void eachFeatureOnce() {
        assertEquals(List.of("late", "late_late"), Features.plain().apply("late late late"));
    }

    @Test
    void negationEndsAtPunctuation() {
        List<String> f = Features.plain().apply("not happy. good");
        assertTrue(f.contains("good") && !f.contains("not_good"), f.toString());
    }

    @Test
    void withLexiconAddsTheLexiconReading() {
        List<String> f = Features.withLexicon().apply("awful awful awful");
        assertEquals(List.of("lexicon:--0", "lexicon:--1", "lexicon:--2"), f.subList(f.size() - 3, f.size()));
        List<String> neutral = Features.withLexicon().apply("");
        assertEquals(List.of("lexicon:00", "lexicon:01", "lexicon:02"), neutral);
    }

    @Test
    void hostileText() {
        assertEquals(List.of(), Features.plain().apply(""));
        assertEquals(List.of(), Features.plain().apply(null));
        assertEquals(List.of("script", "alert", "1", "script_alert", "alert_1", "1_script"),
                Features.plain().apply("<script>alert(1)</script>"));
        assertEquals(1, Features.plain().apply("x".repeat(10_000)).size());
        assertEquals(List.of("😡", "😡_😡"), Features.plain().apply("😡😡😡"));
    }
}
