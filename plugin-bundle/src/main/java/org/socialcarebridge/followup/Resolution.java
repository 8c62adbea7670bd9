package org.socialcarebridge.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A ticket's resolution as the help desk recorded it (an agent set it resolved), keyed by that
 * transaction; {@code reopenedAt} is set when the ticket was opened again afterwards. The latest row
 * of a ticket whose {@code reopenedAt} is null is its current resolution.
 */
@Entity
@Table(name = "SC_RESOLUTION", indexes = {
        @Index(name = "SC_RESOLUTION_TICKET", columnList = "TICKET_ID,RESOLVED_AT"),
        // The metrics publisher reads what changed after its cursor every few seconds.
        @Index(name = "SC_RESOLUTION_UPDATED", columnList = "UPDATED_AT")})
public class Resolution {
    @Id
    @Column(name = "TRANSACTION_ID")
    private long transactionId;

    @Column(name = "TICKET_ID", nullable = false)
    private long ticketId;

    @Column(name = "RESOLVED_AT", nullable = false)
    private Instant resolvedAt;

    /** The help desk's user name of the agent who resolved it. */
    @Column(name = "RESOLVED_BY", length = 200)
    private String resolvedBy;

    @Column(name = "REOPENED_AT")
    private Instant reopenedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected Resolution() {
    }

    public Resolution(long transactionId, long ticketId, Instant resolvedAt, String resolvedBy, Instant now) {
        this.transactionId = transactionId;
        this.ticketId = ticketId;
        this.resolvedAt = resolvedAt;
        this.resolvedBy = resolvedBy;
        this.updatedAt = now;
    }

    void reopened(Instant at, Instant now) {
        if (reopenedAt == null) {
            reopenedAt = at;
            updatedAt = now;
        }
    }

    public long transactionId() {
        return transactionId;
    }

    public long ticketId() {
        return ticketId;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant reopenedAt() {
        return reopenedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
