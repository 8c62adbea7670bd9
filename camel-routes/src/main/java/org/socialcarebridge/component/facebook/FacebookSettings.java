package org.socialcarebridge.component.facebook;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.component.graph.GraphConfiguration;
import org.socialcarebridge.component.graph.GraphSettings;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.facebook.cfg}: which Page, its token, where the Graph API is, how
 * often the recovery reads what the webhook may have missed and how often the app's subscription on the
 * Page is checked. The webhook itself (app secret, verify token) is the Meta app's, in
 * {@code org.socialcarebridge.network.meta.cfg}.
 *
 * @param pageToken the Page access token (pages_messaging, pages_manage_metadata, pages_read_engagement,
 *                  pages_manage_engagement); never shown
 */
public record FacebookSettings(boolean enabled, String graphUrl, String pageId, String pageToken,
                               Duration recoveryInterval, Duration subscriptionCheckInterval, Duration recoveryLookBack) {
    public static final String PID = "org.socialcarebridge.network.facebook";
    public static final String FILE = "etc/" + PID + ".cfg";
    public static final String DEFAULT_GRAPH_URL = GraphSettings.DEFAULT_GRAPH_URL;
    public static final Duration DEFAULT_RECOVERY_INTERVAL = GraphConfiguration.DEFAULT_RECOVERY_INTERVAL;
    public static final Duration DEFAULT_SUBSCRIPTION_CHECK_INTERVAL = Duration.ofMinutes(5);
    /** How far back the first recovery reads, with no high-water mark yet. */
    public static final Duration DEFAULT_RECOVERY_LOOK_BACK = GraphConfiguration.DEFAULT_RECOVERY_LOOK_BACK;
    static final Set<String> KEYS = Set.of("enabled", "graphUrl", "pageId", "pageToken", "recoveryInterval",
            "subscriptionCheckInterval", "recoveryLookBack");

    public static FacebookSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        boolean enabled = s.enabled();
        if (!enabled) {
            s.allowOnly(KEYS);
            s.check();
            return new FacebookSettings(false, DEFAULT_GRAPH_URL, null, null, DEFAULT_RECOVERY_INTERVAL,
                    DEFAULT_SUBSCRIPTION_CHECK_INTERVAL, DEFAULT_RECOVERY_LOOK_BACK);
        }
        String graphUrl = GraphSettings.graphUrl(s);
        String pageId = GraphSettings.numericId(s, "pageId", "write the Page's numeric id (Page settings, About, Page ID;"
                + " or GET /me with the Page token)", "a Page id", "write the Page's numeric id, digits only, not its name or URL");
        String token = s.secret("pageToken", "put the Page access token of the Meta app here (a long-lived Page token with"
                + " pages_messaging, pages_manage_metadata, pages_read_engagement and pages_manage_engagement)");
        Duration recovery = GraphSettings.recoveryInterval(s);
        Duration check = s.duration("subscriptionCheckInterval", DEFAULT_SUBSCRIPTION_CHECK_INTERVAL,
                Duration.ofSeconds(10), Duration.ofHours(24));
        Duration lookBack = GraphSettings.recoveryLookBack(s);
        s.allowOnly(KEYS);
        s.check();
        return new FacebookSettings(true, graphUrl, pageId, token, recovery, check, lookBack);
    }

    @Override
    public String toString() {
        return "FacebookSettings[enabled=" + enabled + ", graphUrl=" + graphUrl + ", pageId=" + pageId
                + ", recoveryInterval=" + recoveryInterval + ", subscriptionCheckInterval=" + subscriptionCheckInterval
                + ", recoveryLookBack=" + recoveryLookBack + ", pageToken=****]";
    }
}
