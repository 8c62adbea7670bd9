package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.followup.FollowUpKind;
import org.socialcarebridge.followup.FollowUpState;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;

/**
 * What the metrics publisher reads and writes in the plugin's store: which tickets' records changed
 * after a position, the metrics last written to each ticket (SC_PUBLISHED_METRICS), and its cursor.
 * Each method is one transaction, each source of changes read in its own.
 */
final class MetricsStore {
    static final String CURSOR = "metrics:changes";

    /** Where a kind of record says a ticket changed, and which of its rows count. */
    private record Source(String entity, String stamp, String condition, Map<String, Object> parameters) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("LedgerEntry", "filedAt", "x.direction = :in and x.state = :filed and x.ticketId is not null",
                    Map.of("in", LedgerEntry.Direction.INBOUND, "filed", LedgerState.FILED)),
            new Source("OutboxEntry", "updatedAt", "x.postedAt is not null", Map.of()),
            new Source("FollowUp", "updatedAt", "x.kind = :survey and x.state = :answered",
                    Map.of("survey", FollowUpKind.SURVEY, "answered", FollowUpState.ANSWERED)),
            new Source("Resolution", "updatedAt", null, Map.of()));

    private final Database db;

    MetricsStore(Database db) {
        this.db = db;
    }

    /** Where the publisher has read the records to, as stored, or null before its first pass. */
    String cursor() {
        return db.cursor(CURSOR);
    }

    void moveCursor(String position, Instant now) {
        db.moveCursor(CURSOR, position, now);
    }

    /** Up to {@code max} tickets whose SLA was written as Open until before {@code now}, the longest overdue first. */
    List<Long> overdue(Instant now, int max) {
        return db.read(em -> em.createQuery("select p.ticketId from PublishedMetrics p"
                        + " where p.openUntil < :now order by p.openUntil, p.ticketId", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList());
    }

    /**
     * For each kind of record, up to {@code max} tickets whose records of that kind changed after
     * {@code from}, in reading order (each ticket's first changed row decides its place).
     */
    List<List<MetricsPublisher.Change>> changesAfter(MetricsPublisher.Position from, int max) {
        return SOURCES.stream().map(source -> db.read(em -> changeQuery(em, source, from).setMaxResults(max)
                .getResultList().stream()
                .map(row -> new MetricsPublisher.Change((Long) row[0], (Instant) row[1], (Instant) row[2]))
                .toList())).toList();
    }

    private static TypedQuery<Object[]> changeQuery(EntityManager em, Source s, MetricsPublisher.Position from) {
        String stamp = "x." + s.stamp();
        TypedQuery<Object[]> q = em.createQuery("select x.ticketId, min(" + stamp + ") as firstAt, max(" + stamp + ") as lastAt"
                + " from " + s.entity() + " x where " + (s.condition() == null ? "" : s.condition() + " and ")
                // The bare range on the stamp lets the database start its index scan at the cursor.
                + stamp + " >= :t and (" + stamp + " > :t or x.ticketId > :id)"
                + " group by x.ticketId order by firstAt, x.ticketId", Object[].class);
        s.parameters().forEach(q::setParameter);
        return q.setParameter("t", from.at()).setParameter("id", from.ticketId());
    }

    /** What was last written to these tickets (at most {@link TicketActivities#BATCH} of them). */
    List<PublishedMetrics> published(List<Long> tickets) {
        return db.read(em -> em.createQuery("select p from PublishedMetrics p where p.ticketId in :ids", PublishedMetrics.class)
                .setParameter("ids", tickets).getResultList());
    }

    /** Remembers what the ticket's fields now say, and until when its SLA stays Open. */
    void written(long ticketId, Map<TicketField, String> fields, Instant openUntil, Instant now) {
        db.writing(em -> {
            PublishedMetrics p = em.find(PublishedMetrics.class, ticketId);
            if (p == null) {
                p = new PublishedMetrics(ticketId);
                em.persist(p);
            }
            p.written(fields, openUntil, now);
        });
    }
}
