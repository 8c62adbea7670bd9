package org.socialcarebridge.followup;

/** Where one follow-up stands. */
public enum FollowUpState {
    /** Waiting for its time (a survey's delay, a check-in's days). */
    SCHEDULED,
    /** On the network; a survey now waits for the customer's answer. */
    SENT,
    /** The customer answered the survey; the score is recorded. */
    ANSWERED,
    /** Not sent, deliberately, with the reason (outside the messaging window, sampled out, frequency cap…). */
    SKIPPED,
    /** Not sent because something happened first (the customer wrote again, the ticket was reopened). */
    CANCELLED,
    /** The network refused it or kept failing; the reason says which. */
    FAILED
}
