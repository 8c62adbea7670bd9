package org.socialcarebridge.component.x;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.component.webhook.WebhookPublicUrl;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.x.cfg}: where the X API is, which brand account listens, and
 * how events come in ({@code intake}): by polling, by X's signed webhook at {@code /socialcare/webhooks/x}
 * (which needs the app's {@code consumerSecret}, and {@code publicUrl} for X to reach it), or by the
 * activity stream. With {@code publicUrl} the channel registers its webhook and subscriptions itself, checking
 * them every {@code subscriptionCheckInterval}; with real time the feeds are polled only to catch up, every
 * {@code catchUpInterval}.
 *
 * @param consumerSecret the X app's consumer secret (API key secret): the webhook's HMAC key; never logged
 * @param publicUrl      the HTTPS URL X delivers to, at the TLS reverse proxy; null when not set
 * @param appBearerToken the X app's app-only bearer token, for the webhook, subscription and stream endpoints;
 *                       null when neither publicUrl nor the stream needs it; never logged
 */
public record XSettings(boolean enabled, String baseUrl, String bearerToken, String brandHandle,
                        Duration pollInterval, int maxResults, boolean ticketQuotes, IntakeMode intake,
                        String consumerSecret, String publicUrl, String appBearerToken, Duration catchUpInterval,
                        Duration subscriptionCheckInterval) {
    public static final String PID = "org.socialcarebridge.network.x";
    /** The X webhook's name: its path is {@code /socialcare/webhooks/x}. */
    public static final String WEBHOOK = "x";
    private static final Set<String> KEYS = Set.of("enabled", "baseUrl", "bearerToken", "brandHandle", "pollInterval",
            "maxResults", "quotes", "intake", "consumerSecret", "publicUrl", "appBearerToken", "catchUpInterval",
            "subscriptionCheckInterval");
    static final Duration DEFAULT_CATCH_UP_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_SUBSCRIPTION_CHECK_INTERVAL = Duration.ofMinutes(10);

    /** How the channel learns of mentions and direct messages. */
    public enum IntakeMode {
        /** The mentions and DM feeds are polled every {@code pollInterval}. */
        POLL,
        /** X POSTs each event, signed, to {@code /socialcare/webhooks/x}. */
        WEBHOOK,
        /** The plugin reads {@code /2/activity/stream}. */
        STREAM
    }

    public static XSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        boolean enabled = s.enabled();
        if (!enabled) {
            s.allowOnly(KEYS);
            s.check();
            return new XSettings(false, null, null, null, Duration.ofSeconds(5), 100, false, IntakeMode.POLL, null, null, null,
                    DEFAULT_CATCH_UP_INTERVAL, DEFAULT_SUBSCRIPTION_CHECK_INTERVAL);
        }
        String baseUrl = s.url("baseUrl", null, "set the X API base URL: https://api.x.com, or http://127.0.0.1:8086 for the simulator");
        String token = s.secret("bearerToken", "set the brand account's OAuth 2.0 user access token");
        String handle = s.text("brandHandle", null, "set the brand's X handle without the @, e.g. acme");
        if (handle != null && !handle.matches("[A-Za-z0-9_]{1,15}")) {
            s.problem("brandHandle", "it is not an X handle", "write 1-15 letters, digits or _ without the @");
        }
        Duration poll = s.duration("pollInterval", Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofHours(1));
        int max = s.integer("maxResults", 100, 5, 100);
        boolean ticketQuotes = s.choice("quotes", "record", Set.of("record", "ticket"),
                "record keeps quote posts without a ticket; ticket files them like mentions").equals("ticket");
        IntakeMode intake = IntakeMode.valueOf(s.choice("intake", "poll", Set.of("poll", "webhook", "stream"), "poll reads the"
                + " feeds every pollInterval; webhook takes X's signed POSTs at /socialcare/webhooks/x (needs consumerSecret);"
                + " stream reads X's activity stream").toUpperCase(java.util.Locale.ROOT));
        String consumerSecret = s.text("consumerSecret", "", "").isEmpty() ? null : s.secret("consumerSecret", "");
        if (intake == IntakeMode.WEBHOOK && consumerSecret == null) {
            s.problem("consumerSecret", "it is required with intake = webhook", "copy the API Key Secret (consumer secret)"
                    + " from the X app's Keys and tokens page: X signs every delivery with it");
        }
        if (consumerSecret != null && consumerSecret.length() < 16) {
            s.problem("consumerSecret", "it is shorter than 16 characters", "copy the whole API Key Secret (50 characters)"
                    + " from the X app's Keys and tokens page");
        }
        String publicUrl = WebhookPublicUrl.read(s, "X", WEBHOOK);
        String appBearerToken = s.text("appBearerToken", "", "").isEmpty() ? null : s.secret("appBearerToken", "");
        if (appBearerToken == null && (publicUrl != null || intake == IntakeMode.STREAM)) {
            s.problem("appBearerToken", "it is required " + (intake == IntakeMode.STREAM ? "with intake = stream"
                    : "when publicUrl is set"), "copy the app's Bearer Token from the X app's Keys and tokens page: the"
                    + " webhook, subscription and activity stream endpoints take only the app-only token");
        }
        Duration catchUp = s.duration("catchUpInterval", DEFAULT_CATCH_UP_INTERVAL, Duration.ofSeconds(1), Duration.ofHours(1));
        Duration check = s.duration("subscriptionCheckInterval", DEFAULT_SUBSCRIPTION_CHECK_INTERVAL, Duration.ofSeconds(10),
                Duration.ofDays(1));
        s.allowOnly(KEYS);
        s.check();
        return new XSettings(enabled, baseUrl, token, handle, poll, max, ticketQuotes, intake, consumerSecret, publicUrl,
                appBearerToken, catchUp, check);
    }

    @Override
    public String toString() {
        return "XSettings[baseUrl=" + baseUrl + ", brandHandle=" + brandHandle + ", pollInterval=" + pollInterval
                + ", intake=" + intake + ", publicUrl=" + publicUrl + ", catchUpInterval=" + catchUpInterval
                + ", subscriptionCheckInterval=" + subscriptionCheckInterval + ", bearerToken=****"
                + (consumerSecret == null ? "" : ", consumerSecret=****") + (appBearerToken == null ? "" : ", appBearerToken=****")
                + "]";
    }
}
