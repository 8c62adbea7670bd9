package org.socialcarebridge.component.mastodon;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.mastodon.cfg}: which instance, which brand account (its
 * access token decides), how often to poll. Mastodon allows 300 calls per 5 minutes per account.
 */
public record MastodonSettings(boolean enabled, String baseUrl, String accessToken, Duration pollInterval, int limit,
                               boolean ticketQuotes) {
    public static final String PID = "org.socialcarebridge.network.mastodon";
    private static final Set<String> KEYS = Set.of("enabled", "baseUrl", "accessToken", "pollInterval", "limit", "quotes");

    public static MastodonSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        boolean enabled = s.enabled();
        if (!enabled) {
            s.allowOnly(KEYS);
            s.check();
            return new MastodonSettings(false, null, null, Duration.ofSeconds(5), 40, false);
        }
        String baseUrl = s.url("baseUrl", null,
                "set the brand's Mastodon instance, e.g. https://mastodon.social, or http://127.0.0.1:8087 for the simulator");
        String token = s.secret("accessToken", "set the brand account's access token (scopes read write)");
        Duration poll = s.duration("pollInterval", Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofHours(1));
        int limit = s.integer("limit", 40, 1, 80);
        boolean ticketQuotes = s.choice("quotes", "record", Set.of("record", "ticket"),
                "record keeps quotes of the brand's posts without a ticket; ticket files them like mentions").equals("ticket");
        s.allowOnly(KEYS);
        s.check();
        return new MastodonSettings(true, baseUrl, token, poll, limit, ticketQuotes);
    }

    @Override
    public String toString() {
        return "MastodonSettings[baseUrl=" + baseUrl + ", pollInterval=" + pollInterval + ", accessToken=****]";
    }
}
