package org.socialcarebridge.channel;

/** How the agent chose to send a reply on the help desk's reply form. */
public enum ReplyVisibility {
    PUBLIC("Public"),
    PRIVATE("Private"),
    /**
     * One public acknowledgement in the thread inviting the customer to a direct message, then the
     * agent's text as that direct message: "triage privately, resolve publicly". (Named to fit the
     * outbox's 10-character column in databases created before it existed.)
     */
    TO_PRIVATE("Move to private");

    private final String label;

    ReplyVisibility(String label) {
        this.label = label;
    }

    /** The value as the agent sees it in the {@code Reply Visibility} field. */
    public String label() {
        return label;
    }

    public static ReplyVisibility fromLabel(String label) {
        for (ReplyVisibility v : values()) {
            if (v.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown Reply Visibility '" + label + "'; expected Public, Private or Move to private");
    }
}
