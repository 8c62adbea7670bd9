package org.socialcarebridge.triage;

import java.util.Locale;

/** How the customer feels, as the message reads. */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** The lower-case name used in rules files, CSV files and RT ("negative"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads "negative", "Negative", "NEG"…; answers null for anything else. */
    public static Sentiment fromKey(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Sentiment s : values()) {
            if (s.key().equals(v) || s.key().substring(0, 3).equals(v)) {
                return s;
            }
        }
        return null;
    }
}
