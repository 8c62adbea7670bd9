package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.socialcarebridge.host.TicketField;

/**
 * The metric field values last written to one ticket in the help desk, so only what changed is written
 * again, and, while its SLA is Open, when it falls due, so it turns Breached on time without any activity.
 */
@Entity
@Table(name = "SC_METRICS", indexes = @Index(name = "SC_METRICS_OPEN", columnList = "OPEN_UNTIL"))
public class PublishedMetrics {
    @Id
    @Column(name = "TICKET_ID")
    private long ticketId;

    /** One {@code name=value} line per field written (names never hold '=', values never a line break). */
    @Column(name = "FIELDS", length = 4000)
    private String fields;

    /** The due time of a ticket whose Social SLA was written as Open; null once it is Met or Breached, or without one. */
    @Column(name = "OPEN_UNTIL")
    private Instant openUntil;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected PublishedMetrics() {
    }

    PublishedMetrics(long ticketId) {
        this.ticketId = ticketId;
    }

    void written(Map<TicketField, String> values, Instant openUntil, Instant now) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                text.append(name.name()).append('=').append(value).append('\n');
            }
        });
        this.fields = text.toString();
        this.openUntil = openUntil;
        this.updatedAt = now;
    }

    public long ticketId() {
        return ticketId;
    }

    /**
     * The values written, by field; a field never written, or written empty, is not in it. Lines under
     * a name that is no TicketField (rows written before the domain spoke TicketField named the help
     * desk's fields) count as never written: those values are written once more, unchanged.
     */
    public Map<TicketField, String> fields() {
        Map<TicketField, String> values = new LinkedHashMap<>();
        if (fields != null) {
            for (String line : fields.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    field(line.substring(0, eq)).ifPresent(f -> values.put(f, line.substring(eq + 1)));
                }
            }
        }
        return values;
    }

    private static java.util.Optional<TicketField> field(String name) {
        try {
            return java.util.Optional.of(TicketField.valueOf(name));
        } catch (IllegalArgumentException notAField) {
            return java.util.Optional.empty();
        }
    }

    public Instant openUntil() {
        return openUntil;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
