package org.socialcarebridge.followup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a brand's public reply already closed the conversation ("Glad we could help, have a great
 * day!"): then the plugin posts no closing of its own on top of it.
 */
public final class ClosingReply {
    // Bounded alternations only (no nested quantifiers): agents' texts are short but not trusted to be.
    private static final Pattern CLOSING = Pattern.compile(
            "\\b(glad|happy|pleased) (we|i) (could|were able to|was able to|can) (help|sort|fix|get)"
                    + "|\\b(glad|happy|pleased) (that's|that is|it's|it is|this is|everything is|all is) (sorted|fixed|resolved|working)"
                    + "|\\bhappy to help\\b|\\bglad to help\\b|\\bany time\\b|\\banytime\\b"
                    + "|\\bhave a (great|good|nice|lovely|wonderful) (day|evening|weekend|trip|flight|week)"
                    + "|\\benjoy (your|the) "
                    + "|\\bthanks for (getting in touch|reaching out|your patience|bearing with us)\\b[^?]*$");

    private ClosingReply() {
    }

    /** @param text a reply the brand posted in public */
    public static boolean closes(String text) {
        if (text == null) {
            return false;
        }
        String t = CustomerText.head(text, 1000);
        t = t.toLowerCase(Locale.ROOT).replace('’', '\'');
        return CLOSING.matcher(t).find();
    }
}
