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
    static final String APP_TOKEN = "app-token-" + UUID.randomUUID();

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
                "publicUrl", "https://social.example.com/socialcare/webhooks/x/", "appBearerToken", APP_TOKEN);
        assertEquals(XSettings.IntakeMode.WEBHOOK, s.intake());
        assertEquals(SECRET, s.consumerSecret());
        assertEquals("https://social.example.com/socialcare/webhooks/x", s.publicUrl());
        assertFalse(s.toString().contains(SECRET), s.toString());
        assertEquals(APP_TOKEN, s.appBearerToken());
        assertFalse(s.toString().contains(APP_TOKEN), s.toString());
        assertFalse(XConfiguration.from(s).toString().contains(APP_TOKEN));
        assertEquals("http://127.0.0.1:8181/socialcare/webhooks/x", read("intake", "webhook", "consumerSecret", SECRET,
                "publicUrl", "http://127.0.0.1:8181/socialcare/webhooks/x", "appBearerToken", APP_TOKEN).publicUrl(),
                "the simulator's, on this machine");
        assertNull(read("intake", "webhook", "consumerSecret", SECRET).appBearerToken(),
                "without publicUrl the webhook is registered by someone else: no app-only token needed");
        assertEquals(XSettings.IntakeMode.STREAM, read("intake", "stream", "appBearerToken", "app-token").intake());
    }

    @Test
    void wrongValuesNameTheKeyAndTheFixAndNeverTheSecret() {
        assertTrue(problems("intake", "webhook").contains("consumerSecret"));
        String shortSecret = problems("consumerSecret", "0123456789");
        assertTrue(shortSecret.contains("16 characters"), shortSecret);
        assertFalse(shortSecret.contains("0123456789"), shortSecret);
        assertTrue(problems("intake", "push").contains("intake"));
        assertTrue(problems("publicUrl", "http://social.example.com/x").contains("HTTPS"));
        String noAppToken = problems("intake", "webhook", "consumerSecret", SECRET, "publicUrl", "https://social.example.com/x");
        assertTrue(noAppToken.contains("appBearerToken") && noAppToken.contains("publicUrl"), noAppToken);
        String streamNoAppToken = problems("intake", "stream");
        assertTrue(streamNoAppToken.contains("appBearerToken") && streamNoAppToken.contains("intake = stream"), streamNoAppToken);
        assertTrue(problems("catchUpInterval", "500ms").contains("catchUpInterval"));
        assertTrue(problems("subscriptionCheckInterval", "5s").contains("subscriptionCheckInterval"));
    }

    @Test
    void realTimeFeedsAreReadEveryCatchUpIntervalAndPollingEveryPollInterval() {
        XSettings polled = read("pollInterval", "2s");
        assertEquals(java.time.Duration.ofSeconds(60), polled.catchUpInterval());
        assertEquals(java.time.Duration.ofMinutes(10), polled.subscriptionCheckInterval());
        assertEquals(java.time.Duration.ofSeconds(2), XConfiguration.from(polled).feedInterval());
        XSettings streamed = read("pollInterval", "2s", "intake", "stream", "appBearerToken", APP_TOKEN,
                "catchUpInterval", "30s", "subscriptionCheckInterval", "10s");
        assertEquals(java.time.Duration.ofSeconds(30), XConfiguration.from(streamed).feedInterval());
        assertEquals(java.time.Duration.ofSeconds(10), XConfiguration.from(streamed).getSubscriptionCheckInterval());
        XSettings webhook = read("intake", "webhook", "consumerSecret", SECRET, "catchUpInterval", "1s");
        assertEquals(java.time.Duration.ofSeconds(1), XConfiguration.from(webhook).feedInterval());
    }
}
