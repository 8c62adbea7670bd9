package org.socialcarebridge.triage;

import java.util.Locale;

/** What the customer is doing by writing (Conversocial's contact types). */
public enum ContactType {
    QUESTION, COMPLAINT, PRAISE, SALES_LEAD, CRISIS, FEEDBACK, OTHER;

    /** The name used in rules files and RT ("sales-lead"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads "sales-lead", "SALES_LEAD"…; answers null for anything else. */
    public static ContactType fromKey(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ContactType t : values()) {
            if (t.key().equals(v)) {
                return t;
            }
        }
        return null;
    }
}
