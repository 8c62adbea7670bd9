package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

class XSettingsTest {
    static final String SECRET = "consumer-secret-" + UUID.randomUUID();

    static XSettings read(String... more) {
        Map<String, String> values = new HashMap<>(Map.of("baseUrl", "https://api.x.com", "bearerToken", "brand-token",
                "brandHandle", "acme"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return XSettings.from(values);
    }

    static String problems(String... more) {
        return assertThrows(InvalidSettingsException.class, () -> read(more)).getMessage();
    }

    @Test
    void pollingIsTheDefaultAndNeedsNoConsumerSecret() {
        XSettings s = read();
        assertEquals(XSettings.IntakeMode.POLL, s.intake());
        assertNull(s.consumerSecret());
        assertNull(s.publicUrl());
    }

    @Test
    void theWebhookNeedsTheConsumerSecretAndTakesAnHttpsPublicUrl() {
        XSettings s = read("intake", "Webhook", "consumerSecret", SECRET,
                "publicUrl", "https://social.example.com/socialcare/webhooks/x/");
        assertEquals(XSettings.IntakeMode.WEBHOOK, s.intake());
        assertEquals(SECRET, s.consumerSecret());
        assertEquals("https://social.example.com/socialcare/webhooks/x", s.publicUrl());
        assertFalse(s.toString().contains(SECRET), s.toString());
        assertEquals("http://127.0.0.1:8181/socialcare/webhooks/x", read("intake", "webhook", "consumerSecret", SECRET,
                "publicUrl", "http://127.0.0.1:8181/socialcare/webhooks/x").publicUrl(), "the simulator's, on this machine");
        assertEquals(XSettings.IntakeMode.STREAM, read("intake", "stream").intake());
    }

    @Test
    void wrongValuesNameTheKeyAndTheFixAndNeverTheSecret() {
        assertTrue(problems("intake", "webhook").contains("consumerSecret"));
        String shortSecret = problems("consumerSecret", "0123456789");
        assertTrue(shortSecret.contains("16 characters"), shortSecret);
        assertFalse(shortSecret.contains("0123456789"), shortSecret);
        assertTrue(problems("intake", "push").contains("intake"));
        assertTrue(problems("publicUrl", "http://social.example.com/x").contains("HTTPS"));
    }
}
