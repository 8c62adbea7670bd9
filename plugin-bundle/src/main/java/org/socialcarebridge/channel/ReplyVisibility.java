package org.socialcarebridge.channel;

/**
 * How the agent chose to send a reply. Which of these a network offers is its channel's to say
 * ({@link Channel#replyChoices()}); how the help desk's reply form spells them is the host adapter's
 * (RT: routes.rt.RtFields).
 */
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

    /** The domain's name for the choice, as logs and the message export show it. */
    public String label() {
        return label;
    }
}
