package org.socialcarebridge.component.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

class FacebookSettingsTest {
    static final String TOKEN = "page-token-" + java.util.UUID.randomUUID();

    @Test
    void thePageAndItsTokenAreEnoughTheRestHasDefaults() {
        FacebookSettings s = FacebookSettings.from(Map.of("pageId", "104729384756102", "pageToken", TOKEN));
        assertTrue(s.enabled());
        assertEquals("https://graph.facebook.com", s.graphUrl());
        assertEquals("104729384756102", s.pageId());
        assertEquals(TOKEN, s.pageToken());
        assertEquals(Duration.ofMinutes(5), s.recoveryInterval());
        assertEquals(Duration.ofMinutes(5), s.subscriptionCheckInterval());
    }

    @Test
    void theSimulatorsUrlAndIntervalsAreRead() {
        FacebookSettings s = FacebookSettings.from(Map.of("enabled", "true", "graphUrl", "http://127.0.0.1:8088/",
                "pageId", "1", "pageToken", TOKEN, "recoveryInterval", "30s", "subscriptionCheckInterval", "1h"));
        assertEquals("http://127.0.0.1:8088", s.graphUrl());
        assertEquals(Duration.ofSeconds(30), s.recoveryInterval());
        assertEquals(Duration.ofHours(1), s.subscriptionCheckInterval());
        FacebookConfiguration c = FacebookConfiguration.from(s);
        assertEquals("http://127.0.0.1:8088", c.getBaseUrl());
        assertEquals(Duration.ofSeconds(30), c.getRecoveryInterval());
    }

    @Test
    void everyProblemIsSaidAtOnceWithTheValueAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> FacebookSettings.from(Map.of(
                "graphUrl", "graph.facebook.com", "pageId", "acme-shop", "recoveryInterval", "5 minutes",
                "subscriptionCheckInterval", "1s", "pageTokn", "x")));
        String all = e.getMessage();
        assertEquals(6, e.problems().size(), all);
        assertTrue(all.contains("graphUrl") && all.contains("graph.facebook.com"), all);
        assertTrue(all.contains("pageId") && all.contains("acme-shop") && all.contains("digits only"), all);
        assertTrue(all.contains("pageToken") && all.contains("Page access token"), all);
        assertTrue(all.contains("recoveryInterval") && all.contains("5 minutes"), all);
        assertTrue(all.contains("subscriptionCheckInterval"), all);
        assertTrue(all.contains("pageTokn") && all.contains("not a known key"), all);
    }

    @Test
    void aBlankTokenIsMissingAndATokenIsNeverShown() {
        InvalidSettingsException blank = assertThrows(InvalidSettingsException.class,
                () -> FacebookSettings.from(Map.of("pageId", "1", "pageToken", "  ")));
        assertTrue(blank.getMessage().contains("pageToken") && blank.getMessage().contains("required"), blank.getMessage());

        FacebookSettings s = FacebookSettings.from(Map.of("pageId", "1", "pageToken", TOKEN));
        assertFalse(s.toString().contains(TOKEN), s.toString());
        assertFalse(FacebookConfiguration.from(s).toString().contains(TOKEN));
    }

    @Test
    void aDisabledChannelNeedsNothingElse() {
        FacebookSettings s = FacebookSettings.from(Map.of("enabled", "false"));
        assertFalse(s.enabled());
        assertThrows(InvalidSettingsException.class, () -> FacebookSettings.from(Map.of("enabled", "false", "pagId", "1")));
    }
}
