package org.socialcarebridge.component.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

class WhatsAppSettingsTest {
    static final String TOKEN = "wa-token-" + java.util.UUID.randomUUID();

    @Test
    void theIdsAndTheTokenAreEnoughTheRestHasDefaults() {
        WhatsAppSettings s = WhatsAppSettings.from(Map.of("businessAccountId", "102000000000001",
                "phoneNumberId", "106000000000001", "accessToken", TOKEN));
        assertTrue(s.enabled());
        assertEquals("https://graph.facebook.com", s.graphUrl());
        assertEquals(Duration.ofMinutes(5), s.templateSyncInterval());
        WhatsAppConfiguration c = WhatsAppConfiguration.from(WhatsAppSettings.from(Map.of("graphUrl", "http://127.0.0.1:8088/",
                "businessAccountId", "1", "phoneNumberId", "2", "accessToken", TOKEN, "templateSyncInterval", "30s")));
        assertEquals("http://127.0.0.1:8088", c.getBaseUrl());
        assertEquals("1", c.getBusinessAccountId());
        assertEquals("2", c.getPhoneNumberId());
        assertEquals(Duration.ofSeconds(30), c.getTemplateSyncInterval());
    }

    @Test
    void everyProblemIsSaidAtOnceWithTheValueAndTheFix() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> WhatsAppSettings.from(Map.of(
                "graphUrl", "graph.facebook.com", "businessAccountId", "acme", "phoneNumberId", "+1 555 000 1234",
                "templateSyncInterval", "1s", "acessToken", "x")));
        String all = e.getMessage();
        assertEquals(6, e.problems().size(), all);
        assertTrue(all.contains("graphUrl") && all.contains("graph.facebook.com"), all);
        assertTrue(all.contains("businessAccountId") && all.contains("acme"), all);
        assertTrue(all.contains("phoneNumberId") && all.contains("+1 555 000 1234") && all.contains("digits only"), all);
        assertTrue(all.contains("accessToken") && all.contains("system user"), all);
        assertTrue(all.contains("templateSyncInterval"), all);
        assertTrue(all.contains("acessToken") && all.contains("not a known key"), all);
    }

    @Test
    void aBlankTokenIsMissingAndATokenIsNeverShown() {
        InvalidSettingsException blank = assertThrows(InvalidSettingsException.class, () -> WhatsAppSettings.from(Map.of(
                "businessAccountId", "1", "phoneNumberId", "2", "accessToken", " ")));
        assertTrue(blank.getMessage().contains("accessToken") && blank.getMessage().contains("required"), blank.getMessage());

        WhatsAppSettings s = WhatsAppSettings.from(Map.of("businessAccountId", "1", "phoneNumberId", "2", "accessToken", TOKEN));
        assertFalse(s.toString().contains(TOKEN), s.toString());
        assertFalse(WhatsAppConfiguration.from(s).toString().contains(TOKEN));
    }

    @Test
    void aDisabledChannelNeedsNothingElse() {
        assertFalse(WhatsAppSettings.from(Map.of("enabled", "false")).enabled());
        assertThrows(InvalidSettingsException.class, () -> WhatsAppSettings.from(Map.of("enabled", "false", "phoneNumber", "1")));
    }
}
