package org.socialcarebridge.component.x;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/** {@code etc/org.socialcarebridge.network.x.cfg}: where the X API is and which brand account listens. */
public record XSettings(boolean enabled, String baseUrl, String bearerToken, String brandHandle,
                        Duration pollInterval, int maxResults, boolean ticketQuotes) {
    public static final String PID = "org.socialcarebridge.network.x";
    private static final Set<String> KEYS = Set.of("enabled", "baseUrl", "bearerToken", "brandHandle", "pollInterval",
            "maxResults", "quotes");

    public static XSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        boolean enabled = s.enabled();
        if (!enabled) {
            s.allowOnly(KEYS);
            s.check();
            return new XSettings(false, null, null, null, Duration.ofSeconds(5), 100, false);
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
        s.allowOnly(KEYS);
        s.check();
        return new XSettings(enabled, baseUrl, token, handle, poll, max, ticketQuotes);
    }

    @Override
    public String toString() {
        return "XSettings[baseUrl=" + baseUrl + ", brandHandle=" + brandHandle + ", pollInterval=" + pollInterval
                + ", bearerToken=****]";
    }
}
