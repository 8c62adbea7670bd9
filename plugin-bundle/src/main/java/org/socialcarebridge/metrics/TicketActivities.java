package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

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
 * Reads {@link TicketActivity} from the plugin's records: six queries for any number of tickets (up to
 * {@link #BATCH} at a time), whatever their number of messages and replies, reading only the columns
 * the metrics use (never a message's text).
 */
public final class TicketActivities {
    /** Tickets per round of queries: keeps each IN list well inside what H2 and PostgreSQL plan quickly. */
    static final int BATCH = 500;

    private final Database db;

    public TicketActivities(Database db) {
        this.db = db;
    }

    /** The ticket's activity, or empty when no customer message was filed on it (not a social ticket the plugin knows). */
    public Optional<TicketActivity> read(long ticketId) {
        return Optional.ofNullable(read(List.of(ticketId)).get(ticketId));
    }

    /** The activity of each of these tickets the plugin filed customer messages on; the others are left out. */
    public Map<Long, TicketActivity> read(Collection<Long> ticketIds) {
        List<Long> ids = ticketIds.stream().distinct().toList();
        Map<Long, TicketActivity> all = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            all.putAll(db.read(em -> readBatch(em, batch)));
        }
        return all;
    }

    /** A ticket's CSAT as its metrics count it: the latest answered survey's score, and the agent that survey credits. */
    public record Csat(long ticketId, int score, String agent) {
    }

    /**
     * The CSAT of every ticket the plugin filed customer messages on that has one, as {@link #read} would
     * answer it, in one query of the surveys alone: the report's CSAT by agent covers all time, and
     * reading every surveyed ticket's whole activity for it would grow with the years.
     */
    public List<Csat> csat() {
        Map<Long, Object[]> latest = new HashMap<>();
        db.read(em -> em.createQuery("select " + SURVEY_COLUMNS + " from FollowUp f where " + ANSWERED_SURVEY
                        + " and exists (select e.key from LedgerEntry e where e.ticketId = f.ticketId"
                        + " and e.direction = :in and e.state = :filed)", Object[].class)
                .setParameter("survey", FollowUpKind.SURVEY).setParameter("answered", FollowUpState.ANSWERED)
                .setParameter("in", LedgerEntry.Direction.INBOUND).setParameter("filed", LedgerState.FILED)
                .getResultList()).forEach(row -> latest.merge((Long) row[4], row, (a, b) -> BY_ANSWER.compare(b, a) > 0 ? b : a));
        return latest.values().stream().map(r -> new Csat((Long) r[4], (Integer) r[2], (String) r[3])).toList();
    }

    /** An answered survey's columns, as {@link #BY_ANSWER} and the CSAT read them. */
    private static final String SURVEY_COLUMNS = "f.answeredAt, f.key, f.score, f.agent, f.ticketId, f.answerKey";
    private static final String ANSWERED_SURVEY = "f.kind = :survey and f.state = :answered and f.score is not null";
    /** The latest answer is the ticket's CSAT. */
    private static final Comparator<Object[]> BY_ANSWER = Comparator.comparing((Object[] r) -> (Instant) r[0],
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(r -> (String) r[1]);

    /** What one ticket's records hold, gathered row by row before it becomes a {@link TicketActivity}. */
    private static final class Gathered {
        final long ticketId;
        final List<Inbound> inbound = new ArrayList<>();
        final List<Instant> replies = new ArrayList<>();
        Object[] resolution;
        Object[] survey;
        String correctedCategory;

        Gathered(long ticketId) {
            this.ticketId = ticketId;
        }
    }

    private record Inbound(String key, Network network, Instant writtenAt, Instant filedAt) {
    }

    private record Triaged(Sentiment sentiment, Tier tier, Instant due, String category) {
    }

    private static Map<Long, TicketActivity> readBatch(EntityManager em, List<Long> ids) {
        Map<Long, Gathered> tickets = new HashMap<>();
        for (Object[] row : em.createQuery("select e.ticketId, e.key, e.network, e.createdAt, e.receivedAt, e.filedAt"
                        + " from LedgerEntry e where e.ticketId in :ids and e.direction = :in and e.state = :filed", Object[].class)
                .setParameter("ids", ids).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("filed", LedgerState.FILED).getResultList()) {
            Instant created = (Instant) row[3];
            Instant received = (Instant) row[4];
            tickets.computeIfAbsent((Long) row[0], Gathered::new).inbound.add(new Inbound((String) row[1], (Network) row[2],
                    received != null && received.isBefore(created) ? received : created, (Instant) row[5]));
        }
        if (tickets.isEmpty()) {
            return Map.of();
        }
        Map<String, Triaged> triage = new HashMap<>();
        for (Object[] row : em.createQuery("select t.key, t.sentiment, t.tier, t.due, t.category from TriageRecord t"
                        + " where t.key in (select e.key from LedgerEntry e where e.ticketId in :ids and e.direction = :in"
                        + " and e.state = :filed)", Object[].class)
                .setParameter("ids", ids).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("filed", LedgerState.FILED).getResultList()) {
            triage.put((String) row[0], new Triaged((Sentiment) row[1], (Tier) row[2], (Instant) row[3], (String) row[4]));
        }
        for (Object[] row : em.createQuery("select o.ticketId, o.postedAt from OutboxEntry o where o.ticketId in :ids"
                        + " and o.postedAt is not null", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            Gathered g = tickets.get((Long) row[0]);
            if (g != null) {
                g.replies.add((Instant) row[1]);
            }
        }
        // The latest resolution decides: if it was reopened, the ticket is not resolved, whatever came before.
        Comparator<Object[]> byResolution = Comparator.comparing((Object[] r) -> (Instant) r[1]).thenComparing(r -> (Long) r[0]);
        for (Object[] row : em.createQuery("select r.transactionId, r.resolvedAt, r.resolvedBy, r.reopenedAt, r.ticketId"
                        + " from Resolution r where r.ticketId in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            Gathered g = tickets.get((Long) row[4]);
            if (g != null && (g.resolution == null || byResolution.compare(row, g.resolution) > 0)) {
                g.resolution = row;
            }
        }
        // A survey answer's sentiment is its score's, not the lexicon's reading of "5, thanks!".
        Map<String, Sentiment> answers = new HashMap<>();
        for (Object[] row : em.createQuery("select " + SURVEY_COLUMNS + " from FollowUp f where f.ticketId in :ids and "
                        + ANSWERED_SURVEY, Object[].class)
                .setParameter("ids", ids).setParameter("survey", FollowUpKind.SURVEY)
                .setParameter("answered", FollowUpState.ANSWERED).getResultList()) {
            Gathered g = tickets.get((Long) row[4]);
            if (g != null && (g.survey == null || BY_ANSWER.compare(row, g.survey) > 0)) {
                g.survey = row;
            }
            if (row[5] != null) {
                int score = (Integer) row[2];
                answers.put((String) row[5], score >= 4 ? Sentiment.POSITIVE : score == 3 ? Sentiment.NEUTRAL : Sentiment.NEGATIVE);
            }
        }
        // An agent's correction of the category (what RT's charts group by) wins over triage's.
        Map<String, Long> correctionKeys = new HashMap<>();
        ids.forEach(id -> correctionKeys.put(TriageLabel.deskKey(id, TicketField.CATEGORY), id));
        for (Object[] row : em.createQuery("select l.key, l.category from TriageLabel l where l.key in :keys and l.category is not null",
                        Object[].class).setParameter("keys", correctionKeys.keySet()).getResultList()) {
            Gathered g = tickets.get(correctionKeys.get((String) row[0]));
            if (g != null) {
                g.correctedCategory = (String) row[1];
            }
        }
        Map<Long, TicketActivity> activities = new HashMap<>();
        for (Gathered g : tickets.values()) {
            activities.put(g.ticketId, activity(g, triage, answers));
        }
        return activities;
    }

    private static TicketActivity activity(Gathered g, Map<String, Triaged> triage, Map<String, Sentiment> answers) {
        // The message filed first opened the ticket: its triage set the ticket's tier, category and due time.
        Inbound opening = g.inbound.stream()
                .min(Comparator.comparing(Inbound::filedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Inbound::key)).orElseThrow();
        Triaged opened = triage.getOrDefault(opening.key(), new Triaged(null, null, null, null));
        List<TicketActivity.CustomerMessage> messages = g.inbound.stream()
                .map(m -> new TicketActivity.CustomerMessage(m.key(), m.writtenAt(), answers.containsKey(m.key())
                        ? answers.get(m.key()) : triage.containsKey(m.key()) ? triage.get(m.key()).sentiment() : null))
                .toList();
        boolean resolved = g.resolution != null && g.resolution[3] == null;
        return new TicketActivity(g.ticketId, opening.network(),
                g.correctedCategory != null ? g.correctedCategory : opened.category(), opened.tier(), opened.due(),
                opening.filedAt(), messages, g.replies,
                resolved ? (Instant) g.resolution[1] : null, resolved ? (String) g.resolution[2] : null,
                g.survey == null ? null : (Integer) g.survey[2], g.survey == null ? null : (String) g.survey[3]);
    }
}
