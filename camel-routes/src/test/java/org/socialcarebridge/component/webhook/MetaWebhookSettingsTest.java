package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

class MetaWebhookSettingsTest {
    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String TOKEN = "a-verify-token-long-enough";

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>(Map.of("appSecret", SECRET, "verifyToken", TOKEN));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsFitAFullBatchOfMeta() {
        MetaWebhookSettings s = MetaWebhookSettings.from(values());
        assertEquals(4096 * 1024, s.maxBodyBytes());
        assertEquals(16, s.concurrentBodies());
        assertNull(s.publicUrl());
        assertFalse(s.toString().contains(SECRET) || s.toString().contains(TOKEN), s.toString());
    }

    @Test
    void readsThePublicUrlAndTheCap() {
        MetaWebhookSettings s = MetaWebhookSettings.from(values("publicUrl", "https://social.example.com/socialcare/webhooks/meta/",
                "maxBodyKiB", "8192", "concurrentDeliveries", "4"));
        assertEquals("https://social.example.com/socialcare/webhooks/meta", s.publicUrl());
        assertEquals(8192 * 1024, s.maxBodyBytes());
        assertEquals(4, s.concurrentBodies());
        assertEquals("http://127.0.0.1:8181/socialcare/webhooks/meta", MetaWebhookSettings.from(
                values("publicUrl", "http://127.0.0.1:8181/socialcare/webhooks/meta")).publicUrl(), "the simulator's plain HTTP");
    }

    @Test
    void everyProblemIsNamedAtOnceAndNoSecretShown() {
        Map<String, Object> bad = new HashMap<>(Map.of("appSecret", "short-secret", "verifyToken", "short-token",
                "publicUrl", "http://social.example.com/socialcare/webhooks/meta", "maxBodyKiB", "10", "verifyTokn", "x"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> MetaWebhookSettings.from(bad));
        String message = e.getMessage();
        for (String key : new String[] {"appSecret", "verifyToken", "publicUrl", "maxBodyKiB", "verifyTokn"}) {
            assertTrue(message.contains(key), key + " in " + message);
        }
        assertTrue(message.contains("HTTPS"), message);
        assertFalse(message.contains("short-secret") || message.contains("short-token"), message);
    }

    @Test
    void bothSecretsAreRequiredAndMustDiffer() {
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> MetaWebhookSettings.from(Map.of()));
        assertTrue(missing.getMessage().contains("appSecret") && missing.getMessage().contains("verifyToken"), missing.getMessage());
        InvalidSettingsException same = assertThrows(InvalidSettingsException.class,
                () -> MetaWebhookSettings.from(values("verifyToken", SECRET)));
        assertTrue(same.getMessage().contains("it is the app secret"), same.getMessage());
        assertFalse(same.getMessage().contains(SECRET), same.getMessage());
    }
}
