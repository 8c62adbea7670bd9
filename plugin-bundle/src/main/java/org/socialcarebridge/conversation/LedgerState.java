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
    /**
     * It cannot be processed (the host refused it for good, it threw, or no mapper could read it): kept
     * with the reason, on the health endpoint, in the export and in the help desk's alert queue, for an
     * administrator to retry or discard.
     */
    DEAD_LETTER,
    /** A dead letter an administrator discarded: kept for the record, never filed. */
    DISCARDED
}
