package org.socialcarebridge.component.instagram;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.component.graph.GraphConfiguration;
import org.socialcarebridge.component.graph.GraphSettings;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.network.instagram.cfg}: which Instagram professional account, the Page it
 * is linked to and that Page's token (Instagram's Graph calls use it), where the Graph API is, and how often
 * the recovery reads what the webhook may have missed. The webhook itself is the Meta app's, in
 * {@code org.socialcarebridge.network.meta.cfg}.
 *
 * @param pageToken the linked Page's access token (instagram_basic, instagram_manage_comments,
 *                  instagram_manage_messages, pages_manage_metadata); never shown
 */
public record InstagramSettings(boolean enabled, String graphUrl, String accountId, String pageId, String pageToken,
                                Duration recoveryInterval, Duration recoveryLookBack) {
    public static final String PID = "org.socialcarebridge.network.instagram";
    public static final String FILE = "etc/" + PID + ".cfg";
    public static final Duration DEFAULT_RECOVERY_INTERVAL = GraphConfiguration.DEFAULT_RECOVERY_INTERVAL;
    public static final Duration DEFAULT_RECOVERY_LOOK_BACK = GraphConfiguration.DEFAULT_RECOVERY_LOOK_BACK;
    static final Set<String> KEYS = Set.of("enabled", "graphUrl", "accountId", "pageId", "pageToken", "recoveryInterval",
            "recoveryLookBack");

    public static InstagramSettings from(Map<String, ?> values) {
        Settings s = new Settings(PID, values);
        if (!s.enabled()) {
            s.allowOnly(KEYS);
            s.check();
            return new InstagramSettings(false, GraphSettings.DEFAULT_GRAPH_URL, null, null, null,
                    DEFAULT_RECOVERY_INTERVAL, DEFAULT_RECOVERY_LOOK_BACK);
        }
        String graphUrl = GraphSettings.graphUrl(s);
        String accountId = GraphSettings.numericId(s, "accountId", "write the Instagram professional account's id"
                + " (GET /{page-id}?fields=instagram_business_account with the Page token)", "an Instagram account id",
                "write the account's numeric id, digits only, not its @username");
        String pageId = GraphSettings.numericId(s, "pageId", "write the numeric id of the Facebook Page the account is"
                + " linked to", "a Page id", "write the Page's numeric id, digits only, not its name or URL");
        String token = s.secret("pageToken", "put the linked Page's access token here (instagram_basic,"
                + " instagram_manage_comments, instagram_manage_messages, pages_manage_metadata)");
        Duration recovery = GraphSettings.recoveryInterval(s);
        Duration lookBack = GraphSettings.recoveryLookBack(s);
        s.allowOnly(KEYS);
        s.check();
        return new InstagramSettings(true, graphUrl, accountId, pageId, token, recovery, lookBack);
    }

    @Override
    public String toString() {
        return "InstagramSettings[enabled=" + enabled + ", graphUrl=" + graphUrl + ", accountId=" + accountId
                + ", pageId=" + pageId + ", recoveryInterval=" + recoveryInterval + ", recoveryLookBack="
                + recoveryLookBack + ", pageToken=****]";
    }
}
