package org.socialcarebridge.reply;

/** How the agent chose to send a reply on the help desk's reply form. */
public enum ReplyVisibility {
    PUBLIC("Public"),
    PRIVATE("Private");

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
        throw new IllegalArgumentException("Unknown Reply Visibility '" + label + "'; expected Public or Private");
    }
}
