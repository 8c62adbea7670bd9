package org.socialcarebridge.reply.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FindingTest {
    @Test
    void kindsHaveLabelsAndSettingsWords() {
        assertEquals("a card number", SensitiveData.CARD_NUMBER.label());
        assertEquals("an e-mail address", SensitiveData.EMAIL.label());
        assertEquals("an internal link", SensitiveData.INTERNAL_LINK.label());
        assertEquals("a date of birth", SensitiveData.DATE_OF_BIRTH.label());
        assertEquals("postal-address", SensitiveData.POSTAL_ADDRESS.word());
        assertEquals(Optional.of(SensitiveData.DATE_OF_BIRTH), SensitiveData.ofWord(" Date_Of-Birth "));
        assertEquals(Optional.empty(), SensitiveData.ofWord("address"));
    }

    @Test
    void aFindingSpansAtLeastOneCharacter() {
        assertThrows(IllegalArgumentException.class, () -> new Finding(SensitiveData.EMAIL, "e-mail address", "x", 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new Finding(SensitiveData.EMAIL, "e-mail address", "x", -1, 2));
        assertThrows(NullPointerException.class, () -> new Finding(SensitiveData.EMAIL, "e-mail address", null, 0, 2));
    }

    @Test
    void internalDomainsAreComparedWithoutCase() {
        SensitiveDataGuard guard = new SensitiveDataGuard(new GuardSettings(Set.of("Intranet.ACME.com"), List.of(), Set.of()));
        assertEquals(SensitiveData.INTERNAL_LINK, guard.inspect("https://WIKI.intranet.acme.COM/x").get(0).kind());
    }

    @Test
    void oneGuardServesManyThreads() throws Exception {
        SensitiveDataGuard guard = new SensitiveDataGuard(GuardSettings.from(Map.of("guard.pattern.order number", "ACM-\\d{6}")),
                SensitiveDataGuardTest.DECEMBER_2026);
        String text = "ACM-123456, 4242 4242 4242 4242, jane@example.com, +44 20 7946 0958, born 12/03/1985, 10 Downing St";
        List<Finding> expected = guard.inspect(text);
        assertEquals(6, expected.size(), expected.toString());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> guard.inspect(text)));
            }
            for (Future<List<Finding>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
