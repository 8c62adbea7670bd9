package org.socialcarebridge.followup;

/** Where one follow-up stands. */
public enum FollowUpState {
    /** Waiting for its time (a survey's delay, a check-in's days). */
    SCHEDULED,
    /**
     * Being posted. Found later (a crash, or a database error after the post), the network may hold it:
     * it is looked up, never sent again blind.
     */
    SENDING,
    /** On the network; a survey now waits for the customer's answer. */
    SENT,
    /** The customer answered the survey; the score is recorded. */
    ANSWERED,
    /** Not sent, deliberately, with the reason (outside the messaging window, sampled out, frequency cap…). */
    SKIPPED,
    /** Not sent because something happened first (the customer wrote again, the ticket was reopened). */
    CANCELLED,
    /** The network refused it or kept failing; the reason says which. */
    FAILED,
    /** Maybe on the network: its answer never came and the network could not be asked for long; a human looks. */
    UNCERTAIN
}
