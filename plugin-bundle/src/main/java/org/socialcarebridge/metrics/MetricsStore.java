package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.followup.FollowUpKind;
import org.socialcarebridge.followup.FollowUpState;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.engine.TriageLabel;

/**
 * What the metrics read and write in the plugin's store: the records a ticket's activity is made of
 * (read as columns, never a message's text), which tickets' records changed after a position, the
 * metrics last written to each ticket (SC_PUBLISHED_METRICS), and the publisher's cursor. Each method
 * is one transaction, each source of changes read in its own.
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

    /**
     * The tickets a supervisor report's windowed items can count, in one read: opened since
     * {@code openedSince} (their first message was filed since; later messages only widen the net),
     * due between {@code dueFrom} and {@code dueBefore} (breached today or at risk), or resolved since
     * {@code openedSince}.
     */
    Set<Long> ticketsToReport(Instant openedSince, Instant dueFrom, Instant dueBefore) {
        Set<Long> tickets = new LinkedHashSet<>();
        db.read(em -> {
            tickets.addAll(em.createQuery("select distinct e.ticketId from LedgerEntry e where e.direction = :in"
                            + " and e.state = :filed and e.filedAt >= :t", Long.class)
                    .setParameter("in", LedgerEntry.Direction.INBOUND).setParameter("filed", LedgerState.FILED)
                    .setParameter("t", openedSince).getResultList());
            tickets.addAll(em.createQuery("select distinct e.ticketId from LedgerEntry e, TriageRecord t where t.key = e.key"
                            + " and e.direction = :in and e.state = :filed and t.due >= :from and t.due < :to", Long.class)
                    .setParameter("in", LedgerEntry.Direction.INBOUND).setParameter("filed", LedgerState.FILED)
                    .setParameter("from", dueFrom).setParameter("to", dueBefore).getResultList());
            tickets.addAll(em.createQuery("select distinct r.ticketId from Resolution r where r.resolvedAt >= :t", Long.class)
                    .setParameter("t", openedSince).getResultList());
            return null;
        });
        return tickets;
    }

    /** A customer message filed on a ticket. */
    record FiledMessage(Long ticketId, String key, Network network, Instant createdAt, Instant receivedAt, Instant filedAt) {
    }

    /** What triage made of a customer message. */
    record MessageTriage(String key, Sentiment sentiment, Tier tier, Instant due, String category) {
    }

    /** A reply posted on a ticket. */
    record PostedReply(Long ticketId, Instant postedAt) {
    }

    /** A ticket's resolution in the help desk (reopened when {@code reopenedAt} is set). */
    record TicketResolution(Long transactionId, Instant resolvedAt, String resolvedBy, Instant reopenedAt, Long ticketId) {
    }

    /** An answered survey with a score; {@code answerKey} is the ledger key of the customer's answer, if known. */
    record AnsweredSurvey(Instant answeredAt, String key, Integer score, String agent, Long ticketId, String answerKey) {
    }

    /**
     * What the records of some tickets hold: their filed customer messages, and when they have any,
     * those messages' triage, the tickets' posted replies, resolutions, answered surveys, and agents'
     * corrections of the category (by ticket).
     */
    record ActivityRecords(List<FiledMessage> filed, List<MessageTriage> triage, List<PostedReply> replies,
                           List<TicketResolution> resolutions, List<AnsweredSurvey> surveys,
                           Map<Long, String> correctedCategories) {
    }

    /** An answered survey's columns, as {@link AnsweredSurvey} holds them. */
    private static final String SURVEY_COLUMNS = "f.answeredAt, f.key, f.score, f.agent, f.ticketId, f.answerKey";
    private static final String ANSWERED_SURVEY = "f.kind = :survey and f.state = :answered and f.score is not null";

    /**
     * The records of these tickets (at most {@link TicketActivities#BATCH}), in one read: six queries,
     * only the first when none of them has a filed customer message.
     */
    ActivityRecords activityRecords(List<Long> ids) {
        return db.read(em -> {
            List<FiledMessage> filed = new ArrayList<>();
            for (Object[] row : em.createQuery("select e.ticketId, e.key, e.network, e.createdAt, e.receivedAt, e.filedAt"
                            + " from LedgerEntry e where e.ticketId in :ids and e.direction = :in and e.state = :filed", Object[].class)
                    .setParameter("ids", ids).setParameter("in", LedgerEntry.Direction.INBOUND)
                    .setParameter("filed", LedgerState.FILED).getResultList()) {
                filed.add(new FiledMessage((Long) row[0], (String) row[1], (Network) row[2], (Instant) row[3],
                        (Instant) row[4], (Instant) row[5]));
            }
            if (filed.isEmpty()) {
                return new ActivityRecords(filed, List.of(), List.of(), List.of(), List.of(), Map.of());
            }
            List<MessageTriage> triage = new ArrayList<>();
            for (Object[] row : em.createQuery("select t.key, t.sentiment, t.tier, t.due, t.category from TriageRecord t"
                            + " where t.key in (select e.key from LedgerEntry e where e.ticketId in :ids and e.direction = :in"
                            + " and e.state = :filed)", Object[].class)
                    .setParameter("ids", ids).setParameter("in", LedgerEntry.Direction.INBOUND)
                    .setParameter("filed", LedgerState.FILED).getResultList()) {
                triage.add(new MessageTriage((String) row[0], (Sentiment) row[1], (Tier) row[2], (Instant) row[3],
                        (String) row[4]));
            }
            List<PostedReply> replies = new ArrayList<>();
            for (Object[] row : em.createQuery("select o.ticketId, o.postedAt from OutboxEntry o where o.ticketId in :ids"
                            + " and o.postedAt is not null", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                replies.add(new PostedReply((Long) row[0], (Instant) row[1]));
            }
            List<TicketResolution> resolutions = new ArrayList<>();
            for (Object[] row : em.createQuery("select r.transactionId, r.resolvedAt, r.resolvedBy, r.reopenedAt, r.ticketId"
                            + " from Resolution r where r.ticketId in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                resolutions.add(new TicketResolution((Long) row[0], (Instant) row[1], (String) row[2], (Instant) row[3],
                        (Long) row[4]));
            }
            List<AnsweredSurvey> surveys = em.createQuery("select " + SURVEY_COLUMNS + " from FollowUp f"
                            + " where f.ticketId in :ids and " + ANSWERED_SURVEY, Object[].class)
                    .setParameter("ids", ids).setParameter("survey", FollowUpKind.SURVEY)
                    .setParameter("answered", FollowUpState.ANSWERED).getResultList().stream()
                    .map(MetricsStore::survey).toList();
            Map<String, Long> correctionKeys = new HashMap<>();
            ids.forEach(id -> correctionKeys.put(TriageLabel.deskKey(id, TicketField.CATEGORY), id));
            Map<Long, String> corrected = new HashMap<>();
            for (Object[] row : em.createQuery("select l.key, l.category from TriageLabel l where l.key in :keys"
                            + " and l.category is not null", Object[].class)
                    .setParameter("keys", correctionKeys.keySet()).getResultList()) {
                corrected.put(correctionKeys.get((String) row[0]), (String) row[1]);
            }
            return new ActivityRecords(filed, triage, replies, resolutions, surveys, corrected);
        });
    }

    /** The answered surveys of every ticket the plugin filed customer messages on, in one query of the surveys alone. */
    List<AnsweredSurvey> answeredSurveysOfFiledTickets() {
        return db.read(em -> em.createQuery("select " + SURVEY_COLUMNS + " from FollowUp f where " + ANSWERED_SURVEY
                        + " and exists (select e.key from LedgerEntry e where e.ticketId = f.ticketId"
                        + " and e.direction = :in and e.state = :filed)", Object[].class)
                .setParameter("survey", FollowUpKind.SURVEY).setParameter("answered", FollowUpState.ANSWERED)
                .setParameter("in", LedgerEntry.Direction.INBOUND).setParameter("filed", LedgerState.FILED)
                .getResultList().stream().map(MetricsStore::survey).toList());
    }

    private static AnsweredSurvey survey(Object[] row) {
        return new AnsweredSurvey((Instant) row[0], (String) row[1], (Integer) row[2], (String) row[3], (Long) row[4],
                (String) row[5]);
    }
}
