package org.socialcarebridge.host;

import java.time.Instant;

/** Whether a ticket is still being worked, and when it was resolved if it is not. */
public record TicketState(boolean open, Instant resolvedAt) {
}
