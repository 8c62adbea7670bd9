package org.socialcarebridge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void everyProblemIsNamedWithKeyValueAndFixAndSecretsAreMasked() {
        Settings s = new Settings("org.socialcarebridge.network.x", Map.of(
                "baseUrl", "ftp://nope", "pollInterval", "soon", "bearerToken", "s3cret", "brandHandel", "acme"));
        s.url("baseUrl", null, "set the X API base URL, e.g. https://api.x.com");
        s.duration("pollInterval", Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofHours(1));
        s.text("brandHandle", null, "set the brand's handle without @");
        s.allowOnly(Set.of("baseUrl", "pollInterval", "bearerToken", "brandHandle"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, s::check);
        String msg = e.getMessage();
        assertEquals(4, e.problems().size(), msg);
        assertTrue(msg.contains("baseUrl in etc/org.socialcarebridge.network.x.cfg = 'ftp://nope'"), msg);
        assertTrue(msg.contains("pollInterval") && msg.contains("'soon'"), msg);
        assertTrue(msg.contains("brandHandle in etc/org.socialcarebridge.network.x.cfg is missing"), msg);
        assertTrue(msg.contains("brandHandel") && msg.contains("not a known key"), msg);
        assertFalse(msg.contains("s3cret"));
    }

    @Test
    void durationsAcceptUnits() {
        assertEquals(Duration.ofMillis(500), Settings.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(5), Settings.parseDuration("5s"));
        assertEquals(Duration.ofMinutes(2), Settings.parseDuration("2m"));
        assertEquals(Duration.ofMillis(750), Settings.parseDuration("750"));
        assertEquals(Duration.ofHours(12), Settings.parseDuration("12h"));
        assertEquals(Duration.ofDays(7), Settings.parseDuration("7d"));
    }

    @Test
    void goodSettingsPass() {
        Settings s = new Settings("p", Map.of("baseUrl", "http://127.0.0.1:8086/"));
        assertEquals("http://127.0.0.1:8086", s.url("baseUrl", null, "fix"));
        s.check();
    }

    @Test
    void choicesAreOneOfTheirWords() {
        Settings s = new Settings("org.socialcarebridge.network.x", Map.of("quotes", "Ticket", "retweets", "maybe"));
        assertEquals("ticket", s.choice("quotes", "record", Set.of("record", "ticket"), "what quotes become"));
        assertEquals("record", s.choice("retweets", "record", Set.of("record", "ticket"), "what retweets become"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, s::check);
        assertTrue(e.getMessage().contains("retweets") && e.getMessage().contains("'maybe'")
                && e.getMessage().contains("[record, ticket]"), e.getMessage());
    }
}
