package org.socialcarebridge.triage.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LemmaTest {
    private static void same(String a, String b) {
        assertEquals(Lemma.of(a), Lemma.of(b), a + " / " + b);
    }

    private static void different(String a, String b) {
        assertNotEquals(Lemma.of(a), Lemma.of(b), a + " / " + b);
    }

    @Test
    void inflectionsMeet() {
        same("injured", "injure");
        same("injured", "injury");
        same("injured", "injuries");
        same("injured", "injuring");
        same("cancelled", "canceled");
        same("cancelled", "cancellation");
        same("cancelled", "cancel");
        same("sue", "suing");
        same("sue", "sued");
        same("stranded", "strand");
        same("loved", "love");
        same("loving", "love");
        same("smoking", "smoke");
        same("stopped", "stop");
        same("prices", "price");
        same("delayed", "delay");
        same("arrived", "arrive");
    }

    @Test
    void differentWordsStayApart() {
        different("site", "sit");
        different("note", "not");
        different("fired", "fire");
        different("hopped", "hope");
        different("fall", "fal");
    }
}
