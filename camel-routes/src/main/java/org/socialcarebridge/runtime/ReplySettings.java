package org.socialcarebridge.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.reply.MoveToPrivate;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.Signature;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;
import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.reply.cfg}: how agents' replies are made and checked before they go
 * out. No file: the built-in guard, no signature, no numbered threads, nothing spot-checked. A wrong
 * value stops delivery (replies wait in the outbox) rather than let replies out unchecked.
 *
 * @param spotCheckPercent the share of public replies held for a supervisor's review, 0-100
 */
record ReplySettings(int spotCheckPercent, ReplyPolicy policy) {
    static final String PID = "org.socialcarebridge.reply";
    static final Set<String> KEYS = Set.of("approval.spotCheck", "signature", "thread.maxParts", "moveToPrivate.template",
            "dmWindow.x", "dmWindow.mastodon");

    static ReplySettings from(Map<String, ?> values) {
        Map<String, Object> own = new HashMap<>(values);
        own.keySet().removeIf(k -> k.startsWith("guard.")); // the sensitive-data guard reads those
        Settings s = new Settings(PID, own);
        int spotCheck = s.integer("approval.spotCheck", 0, 0, 100);
        int maxParts = s.integer("thread.maxParts", 1, 1, 10);
        String format = s.text("signature", Signature.OFF, "");
        if (!format.equalsIgnoreCase(Signature.OFF) && !format.isEmpty() && !Character.isWhitespace(format.charAt(0))) {
            format = " " + format; // Config Admin trims values; the mark stands apart from the text
        }
        Signature signature = null;
        try {
            signature = Signature.of(format);
        } catch (IllegalArgumentException e) {
            s.problem("signature", e.getMessage(), "write e.g. ' ^{initials}', or off");
        }
        String template = s.text("moveToPrivate.template", MoveToPrivate.DEFAULT_TEMPLATE, "");
        MoveToPrivate acknowledgement = null;
        try {
            acknowledgement = MoveToPrivate.of(template);
        } catch (IllegalArgumentException e) {
            s.problem("moveToPrivate.template", e.getMessage(), "write e.g. " + MoveToPrivate.DEFAULT_TEMPLATE);
        }
        // Direct messages allowed only so long after the customer last wrote (Meta's 24h); X and Mastodon have none.
        Map<Network, Duration> windows = new EnumMap<>(Network.class);
        for (Network n : Network.values()) {
            Duration w = s.duration("dmWindow." + n.key(), null, Duration.ofMinutes(1), Duration.ofDays(30));
            if (w != null) {
                windows.put(n, w);
            }
        }
        s.allowOnly(KEYS);
        s.check();
        GuardSettings guard = GuardSettings.from(values);
        return new ReplySettings(spotCheck, new ReplyPolicy(new SensitiveDataGuard(guard), signature, acknowledgement, maxParts,
                windows, Clock.systemUTC()));
    }
}
