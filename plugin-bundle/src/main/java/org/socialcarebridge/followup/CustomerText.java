package org.socialcarebridge.followup;

/** What the follow-up readers take of a customer's message, which may be of any length. */
final class CustomerText {
    private CustomerText() {
    }

    /** The first max characters, never half an emoji; null reads as empty. */
    static String head(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /** At most max characters, stripped, ending in "…" when cut, never half an emoji: a quote on the ticket. */
    static String shortened(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() > max ? head(t, max - 1) + "…" : t;
    }
}
