package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordsTest {
    static final Keywords DELAY = Keywords.single(List.of("late", "delayed", "still waiting", "Verspätung", "retard"));

    static String first(String text) {
        return DELAY.first(Words.of(text));
    }

    @Test
    void wholeWordsOnly() {
        assertNull(first("I love chocolate"));
        assertNull(first("lately things are fine"));
        assertEquals("late", first("late"));
        assertEquals("late", first("running late!"));
        assertEquals("delayed", first("#delayed @airline"));
        assertEquals("late", first("it's late🙄 again"));
    }

    @Test
    void anyCase() {
        assertEquals("late", first("LATE AGAIN"));
        assertEquals("still waiting", first("Still WAITING"));
    }

    @Test
    void phrasesMatchWordsInOrder() {
        assertEquals("still waiting", first("we are still   waiting..."));
        assertEquals("still waiting", first("still\nwaiting"));
        assertNull(first("still not waiting"));
        assertNull(first("waiting still"));
        assertNull(first("still"), "a phrase cut short by the end of the text");
    }

    @Test
    void unicodeText() {
        assertEquals("Verspätung", first("VERSPÄTUNG von 3 Stunden"));
        assertEquals("retard", first("Encore un retard, merci la SNCF"));
        assertNull(first("retardé"), "é is a letter: part of the word");
        assertNull(first("😡😡😡"));
        assertEquals("देरी", Keywords.single(List.of("देरी")).first(Words.of("ट्रेन में देरी है")), "vowel signs stay in the word");
        assertNull(first("🙄"));
    }

    @Test
    void theFirstKeywordOfEachGroupInTextOrder() {
        Keywords groups = new Keywords(List.of(List.of("late", "delayed"), List.of("outage"), List.of("refund")));
        String[] found = groups.find(Words.of("Delayed by an outage, then late"));
        assertEquals("delayed", found[0]);
        assertEquals("outage", found[1]);
        assertNull(found[2]);
    }

    @Test
    void emptyAndHugeTexts() {
        assertNull(first(""));
        assertNull(first(null));
        assertEquals(0, Words.of("   ...!!! ").size());
        String huge = "chocolate ".repeat(999) + "late";
        assertEquals(10_000 - 6, huge.length());
        long start = System.nanoTime();
        assertEquals("late", first(huge));
        assertNull(first("x".repeat(10_000)));
        assertTrue(System.nanoTime() - start < 100_000_000L, "linear in the text");
    }
}
