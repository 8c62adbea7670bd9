package org.socialcarebridge.host;

import java.time.Instant;

/**
 * Where a new ticket goes and how urgent it is, as triage decided. A null part leaves the host's own
 * default (RT: the queue in the host's settings, the queue's default priority, no due date).
 *
 * @param ownerGroup the group that should take it (RT: added as AdminCc), or null
 */
public record TicketRouting(String queue, String ownerGroup, Integer priority, Instant due) {
    /** Nothing decided: the host's defaults. */
    public static final TicketRouting DEFAULT = new TicketRouting(null, null, null, null);
}
