package org.socialcarebridge.component.mastodon;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.mastodon.cfg}: which instance, which brand account (its
 * access token decides), how it takes the notifications in ({@code intake = poll}, every {@code pollInterval}, or
 * {@code stream}, from the streaming API, with a catch-up poll every {@code catchUpInterval}). Mastodon allows 300 calls per 5 minutes per account.
 */
public record MastodonSettings(boolean enabled, String baseUrl, String accessToken, Duration pollInterval, int limit,
                               boolean ticketQuotes, boolean stream, Duration catchUpInterval) {
    public static final String PID = "org.socialcarebridge.network.mastodon";
    private static final Set<String> KEYS = Set.of("enabled", "baseUrl", "accessToken", "pollInterval", "limit", "quotes",
            "intake", "catchUpInterval");

    public static MastodonSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        boolean enabled = s.enabled();
        if (!enabled) {
            s.allowOnly(KEYS);
            s.check();
            return new MastodonSettings(false, null, null, Duration.ofSeconds(5), 40, false, false, Duration.ofSeconds(60));
        }
        String baseUrl = s.url("baseUrl", null,
                "set the brand's Mastodon instance, e.g. https://mastodon.social, or http://127.0.0.1:8087 for the simulator");
        String token = s.secret("accessToken", "set the brand account's access token (scopes read write)");
        Duration poll = s.duration("pollInterval", Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofHours(1));
        int limit = s.integer("limit", 40, 1, 80);
        boolean ticketQuotes = s.choice("quotes", "record", Set.of("record", "ticket"),
                "record keeps quotes of the brand's posts without a ticket; ticket files them like mentions").equals("ticket");
        boolean stream = s.choice("intake", "poll", Set.of("poll", "stream"),
                "poll reads the notifications every pollInterval; stream takes them from the streaming API as they come"
                        + " and polls only to catch up, every catchUpInterval").equals("stream");
        Duration catchUp = s.duration("catchUpInterval", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1));
        s.allowOnly(KEYS);
        s.check();
        return new MastodonSettings(true, baseUrl, token, poll, limit, ticketQuotes, stream, catchUp);
    }

    @Override
    public String toString() {
        return "MastodonSettings[baseUrl=" + baseUrl + ", intake=" + (stream ? "stream" : "poll") + ", pollInterval=" + pollInterval
                + ", catchUpInterval=" + catchUpInterval + ", accessToken=****]";
    }
}
