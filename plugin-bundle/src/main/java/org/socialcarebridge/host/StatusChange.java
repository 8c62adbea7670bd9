package org.socialcarebridge.host;

import java.time.Instant;

/**
 * Someone (not the plugin) changed a social ticket's status, e.g. an agent resolved it.
 *
 * @param from the status before, in the host's own words ({@code open})
 * @param to   the status after ({@code resolved})
 * @param by   the help desk's user name of who changed it
 */
public record StatusChange(long transactionId, long ticketId, String from, String to, String by, Instant at) {
    /** Whether the ticket became resolved: the moment follow-ups start. */
    public boolean resolves() {
        return "resolved".equals(to);
    }

    /** Whether a resolved ticket became active again. */
    public boolean reopens() {
        return "resolved".equals(from) && !"resolved".equals(to);
    }
}
