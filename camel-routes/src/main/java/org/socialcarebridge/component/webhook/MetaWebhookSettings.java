package org.socialcarebridge.component.webhook;

import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/**
 * The webhook keys of {@code etc/org.socialcarebridge.network.meta.cfg}. They live in the Meta network's
 * file, not in {@code org.socialcarebridge.http.cfg}, because the app secret and the verify token are
 * the Meta app's, shared by Facebook, Messenger, Instagram and WhatsApp; the HTTP file keeps only where
 * the plugin listens, and each product's channel its own file (the Page token is in
 * {@code org.socialcarebridge.network.facebook.cfg}). A file that held more keys would call
 * {@link #read(Settings)} on its own reader, so every problem of it is reported at once.
 *
 * @param appSecret        Meta's app secret (App settings, Basic): the HMAC key of every delivery; never logged
 * @param verifyToken      the token typed into the app's webhook settings for the handshake; never logged
 * @param publicUrl        the HTTPS URL Meta delivers to, at the TLS reverse proxy; null when not set
 * @param maxBodyBytes     the largest delivery read
 * @param concurrentBodies how many deliveries are read at once
 */
public record MetaWebhookSettings(String appSecret, String verifyToken, String publicUrl, int maxBodyBytes,
                                  int concurrentBodies) {
    public static final String PID = "org.socialcarebridge.network.meta";
    /** The webhook's name: its path is {@code /socialcare/webhooks/meta}. */
    public static final String NAME = "meta";
    public static final Set<String> KEYS = Set.of("enabled", "appSecret", "verifyToken", "publicUrl", "maxBodyKiB",
            "concurrentDeliveries");

    /** Whether the file asks for the webhook at all: {@code enabled = false} serves none and reports nothing. */
    public static boolean enabled(Map<String, ?> values) {
        return new Settings(PID, values).enabled();
    }
    /**
     * 4 MiB: Meta batches up to 1000 updates in one delivery; a comment or Messenger entry with its
     * envelope is well under 2 KiB of unicode-escaped JSON, so a full batch fits twice over.
     */
    static final int DEFAULT_MAX_BODY_KIB = 4096;
    static final int DEFAULT_CONCURRENT = 16;

    /** Reads and checks the webhook keys alone: for a file that holds nothing else. */
    public static MetaWebhookSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        MetaWebhookSettings settings = read(s);
        s.allowOnly(KEYS);
        s.check();
        return settings;
    }

    /** Reads the webhook keys into {@code s}'s problems; the caller calls {@code allowOnly} and {@code check}. */
    public static MetaWebhookSettings read(Settings s) {
        String secret = s.secret("appSecret", "copy the App Secret from the Meta app's dashboard (App settings, Basic)");
        if (secret != null && secret.length() < 16) {
            s.problem("appSecret", "it is shorter than 16 characters", "copy the whole App Secret from the Meta app's"
                    + " dashboard (App settings, Basic; 32 hex digits)");
        }
        String token = s.secret("verifyToken", "choose a random value, e.g. openssl rand -hex 24, and type the same into the"
                + " Meta app's webhook settings (Verify token)");
        if (token != null && token.length() < 16) {
            s.problem("verifyToken", "it is shorter than 16 characters", "use a long random value, e.g. openssl rand -hex 24");
        }
        if (token != null && token.equals(secret)) {
            s.problem("verifyToken", "it is the app secret", "choose another value: the verify token travels in a URL,"
                    + " the app secret never may");
        }
        String publicUrl = WebhookPublicUrl.read(s, "Meta", NAME);
        int kib = s.integer("maxBodyKiB", DEFAULT_MAX_BODY_KIB, 64, 65536);
        int concurrent = s.integer("concurrentDeliveries", DEFAULT_CONCURRENT, 1, 256);
        return new MetaWebhookSettings(secret, token, publicUrl, kib * 1024, concurrent);
    }

    @Override
    public String toString() {
        return "MetaWebhookSettings[publicUrl=" + publicUrl + ", maxBodyBytes=" + maxBodyBytes + ", concurrentBodies="
                + concurrentBodies + ", appSecret=****, verifyToken=****]";
    }
}
