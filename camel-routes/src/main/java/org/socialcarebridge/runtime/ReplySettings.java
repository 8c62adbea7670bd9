package org.socialcarebridge.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
    static final Set<String> KEYS = Set.of("approval.spotCheck", "signature", "thread.maxParts", "moveToPrivate.template");

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
        s.allowOnly(KEYS);
        s.check();
        GuardSettings guard = GuardSettings.from(values);
        return new ReplySettings(spotCheck, new ReplyPolicy(new SensitiveDataGuard(guard), signature, acknowledgement, maxParts));
    }
}
