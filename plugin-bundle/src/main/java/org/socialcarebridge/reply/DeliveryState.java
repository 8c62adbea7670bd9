package org.socialcarebridge.reply;

/** Where an agent's reply stands on its way to the network; shown on the RT transaction. */
public enum DeliveryState {
    QUEUED("queued"),
    /** The network call is under way; found after a crash it means "outcome unknown", never "post again". */
    POSTING("posting"),
    RETRYING("retrying"),
    POSTED("posted"),
    REFUSED("refused"),
    FAILED("failed"),
    /** The sensitive-data guard found personal data in a public post: nothing was posted. */
    BLOCKED("blocked by guard"),
    /** The customer wrote again, or another agent answered, after the agent opened the ticket: not posted. */
    HELD_FOR_COLLISION("held for collision"),
    /** Waiting for a supervisor to approve or reject it in the help desk; nothing is posted meanwhile. */
    HELD_FOR_APPROVAL("held for approval"),
    /**
     * The help desk could not say whether the reply's author is one of the agents who speak for the
     * brand; nothing is posted until it does. (At most 20 characters: the column's width.)
     */
    HELD_UNVERIFIED("held, author unverified"),
    UNCERTAIN("uncertain");

    private final String label;

    DeliveryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == POSTED || this == REFUSED || this == FAILED || this == UNCERTAIN || this == BLOCKED
                || this == HELD_FOR_COLLISION;
    }
}
