package org.socialcarebridge.component.graph;

import java.time.Duration;

import org.socialcarebridge.settings.Settings;

/**
 * The keys every Meta channel's settings file reads alike ({@code etc/org.socialcarebridge.network.facebook.cfg},
 * {@code ...instagram.cfg}, {@code ...whatsapp.cfg}): where the Graph API is, Meta's numeric ids, and the
 * recovery's pace. Each file says itself what its ids and tokens are.
 */
public final class GraphSettings {
    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com";

    private GraphSettings() {
    }

    /** {@code graphUrl}: the Graph API without its version; Meta's own by default. */
    public static String graphUrl(Settings s) {
        return s.url("graphUrl", DEFAULT_GRAPH_URL, "write the Graph API's address without the version: "
                + DEFAULT_GRAPH_URL + ", or http://127.0.0.1:8088 for the simulator");
    }

    /**
     * A required id of Meta's, digits only (Meta's ids are numbers written as text).
     *
     * @param where  where the administrator finds it, when it is missing
     * @param what   what it is, as in "it is not {@code a Page id}"
     * @param digits what to write instead of what was there, e.g. "write the Page's numeric id, digits only, ..."
     */
    public static String numericId(Settings s, String key, String where, String what, String digits) {
        String id = s.text(key, null, where);
        if (id != null && !id.matches("[0-9]{1,32}")) {
            s.problem(key, "it is not " + what, digits);
        }
        return id;
    }

    /** {@code recoveryInterval}: how often the recovery reads what the webhook may have missed. */
    public static Duration recoveryInterval(Settings s) {
        return s.duration("recoveryInterval", GraphConfiguration.DEFAULT_RECOVERY_INTERVAL, Duration.ofSeconds(10),
                Duration.ofHours(24));
    }

    /** {@code recoveryLookBack}: how far back the first recovery reads, with no high-water mark yet. */
    public static Duration recoveryLookBack(Settings s) {
        return s.duration("recoveryLookBack", GraphConfiguration.DEFAULT_RECOVERY_LOOK_BACK, Duration.ofHours(1),
                Duration.ofDays(30));
    }
}
