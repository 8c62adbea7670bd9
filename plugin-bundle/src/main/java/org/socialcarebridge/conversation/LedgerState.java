package org.socialcarebridge.conversation;

/** Where a message stands on its way into the help desk. */
public enum LedgerState {
    /** Durably received, not yet in a ticket (the host may be down). */
    RECEIVED,
    /** In a ticket. */
    FILED,
    /** Recorded but deliberately not ticketed (the brand's own post); the reason says why. */
    IGNORED,
    /**
     * Triaged as noise (spam, giveaway, marketing…): kept with its reasons, never ticketed, until a
     * supervisor promotes it.
     */
    FILTERED,
    /** The host refused it for good; visible on the health endpoint for a human to look at. */
    DEAD_LETTER
}
