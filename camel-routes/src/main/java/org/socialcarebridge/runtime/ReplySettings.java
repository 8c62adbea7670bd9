package org.socialcarebridge.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.reply.cfg}: how agents' replies are checked before they go out.
 * No file: nothing is spot-checked. A wrong value stops delivery (replies wait in the outbox) rather
 * than let replies out unchecked.
 *
 * @param spotCheckPercent the share of public replies held for a supervisor's review, 0-100
 */
record ReplySettings(int spotCheckPercent) {
    static final String PID = "org.socialcarebridge.reply";

    static ReplySettings from(Map<String, ?> values) {
        Map<String, Object> own = new HashMap<>(values);
        own.keySet().removeIf(k -> k.startsWith("guard.")); // the sensitive-data guard reads those
        Settings s = new Settings(PID, own);
        int spotCheck = s.integer("approval.spotCheck", 0, 0, 100);
        s.allowOnly(Set.of("approval.spotCheck"));
        s.check();
        return new ReplySettings(spotCheck);
    }
}
