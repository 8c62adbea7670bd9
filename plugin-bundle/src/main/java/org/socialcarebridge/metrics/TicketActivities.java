package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.metrics.MetricsStore.ActivityRecords;
import org.socialcarebridge.metrics.MetricsStore.AnsweredSurvey;
import org.socialcarebridge.metrics.MetricsStore.FiledMessage;
import org.socialcarebridge.metrics.MetricsStore.MessageTriage;
import org.socialcarebridge.metrics.MetricsStore.PostedReply;
import org.socialcarebridge.metrics.MetricsStore.TicketResolution;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;

/**
 * Reads {@link TicketActivity} from the plugin's records: six queries for any number of tickets (up to
 * {@link #BATCH} at a time), whatever their number of messages and replies, reading only the columns
 * the metrics use (never a message's text).
 */
public final class TicketActivities {
    /** Tickets per round of queries: keeps each IN list well inside what H2 and PostgreSQL plan quickly. */
    static final int BATCH = 500;

    private final MetricsStore store;

    public TicketActivities(Database db) {
        this.store = new MetricsStore(db);
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
            all.putAll(activities(store.activityRecords(batch)));
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
        Map<Long, AnsweredSurvey> latest = new HashMap<>();
        store.answeredSurveysOfFiledTickets().forEach(a -> latest.merge(a.ticketId(), a, (x, y) -> BY_ANSWER.compare(y, x) > 0 ? y : x));
        return latest.values().stream().map(a -> new Csat(a.ticketId(), a.score(), a.agent())).toList();
    }

    /** The latest answer is the ticket's CSAT. */
    private static final Comparator<AnsweredSurvey> BY_ANSWER = Comparator.comparing(AnsweredSurvey::answeredAt,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(AnsweredSurvey::key);
    /** The latest resolution decides: if it was reopened, the ticket is not resolved, whatever came before. */
    private static final Comparator<TicketResolution> BY_RESOLUTION = Comparator.comparing(TicketResolution::resolvedAt)
            .thenComparing(TicketResolution::transactionId);

    /** What one ticket's records hold, gathered row by row before it becomes a {@link TicketActivity}. */
    private static final class Gathered {
        final long ticketId;
        final List<Inbound> inbound = new ArrayList<>();
        final List<Instant> replies = new ArrayList<>();
        TicketResolution resolution;
        AnsweredSurvey survey;
        String correctedCategory;

        Gathered(long ticketId) {
            this.ticketId = ticketId;
        }
    }

    private record Inbound(String key, Network network, Instant writtenAt, Instant filedAt) {
    }

    private static Map<Long, TicketActivity> activities(ActivityRecords records) {
        Map<Long, Gathered> tickets = new HashMap<>();
        for (FiledMessage m : records.filed()) {
            tickets.computeIfAbsent(m.ticketId(), Gathered::new).inbound.add(new Inbound(m.key(), m.network(),
                    m.receivedAt() != null && m.receivedAt().isBefore(m.createdAt()) ? m.receivedAt() : m.createdAt(),
                    m.filedAt()));
        }
        if (tickets.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageTriage> triage = new HashMap<>();
        records.triage().forEach(t -> triage.put(t.key(), t));
        for (PostedReply r : records.replies()) {
            Gathered g = tickets.get(r.ticketId());
            if (g != null) {
                g.replies.add(r.postedAt());
            }
        }
        for (TicketResolution r : records.resolutions()) {
            Gathered g = tickets.get(r.ticketId());
            if (g != null && (g.resolution == null || BY_RESOLUTION.compare(r, g.resolution) > 0)) {
                g.resolution = r;
            }
        }
        // A survey answer's sentiment is its score's, not the lexicon's reading of "5, thanks!".
        Map<String, Sentiment> answers = new HashMap<>();
        for (AnsweredSurvey a : records.surveys()) {
            Gathered g = tickets.get(a.ticketId());
            if (g != null && (g.survey == null || BY_ANSWER.compare(a, g.survey) > 0)) {
                g.survey = a;
            }
            if (a.answerKey() != null) {
                int score = a.score();
                answers.put(a.answerKey(), score >= 4 ? Sentiment.POSITIVE : score == 3 ? Sentiment.NEUTRAL : Sentiment.NEGATIVE);
            }
        }
        // An agent's correction of the category (what RT's charts group by) wins over triage's.
        records.correctedCategories().forEach((ticketId, category) -> {
            Gathered g = tickets.get(ticketId);
            if (g != null) {
                g.correctedCategory = category;
            }
        });
        Map<Long, TicketActivity> activities = new HashMap<>();
        for (Gathered g : tickets.values()) {
            activities.put(g.ticketId, activity(g, triage, answers));
        }
        return activities;
    }

    private static TicketActivity activity(Gathered g, Map<String, MessageTriage> triage, Map<String, Sentiment> answers) {
        // The message filed first opened the ticket: its triage set the ticket's tier, category and due time.
        Inbound opening = g.inbound.stream()
                .min(Comparator.comparing(Inbound::filedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Inbound::key)).orElseThrow();
        MessageTriage opened = triage.getOrDefault(opening.key(), new MessageTriage(opening.key(), null, null, null, null));
        List<TicketActivity.CustomerMessage> messages = g.inbound.stream()
                .map(m -> new TicketActivity.CustomerMessage(m.key(), m.writtenAt(), answers.containsKey(m.key())
                        ? answers.get(m.key()) : triage.containsKey(m.key()) ? triage.get(m.key()).sentiment() : null))
                .toList();
        boolean resolved = g.resolution != null && g.resolution.reopenedAt() == null;
        return new TicketActivity(g.ticketId, opening.network(),
                g.correctedCategory != null ? g.correctedCategory : opened.category(), opened.tier(), opened.due(),
                opening.filedAt(), messages, g.replies,
                resolved ? g.resolution.resolvedAt() : null, resolved ? g.resolution.resolvedBy() : null,
                g.survey == null ? null : g.survey.score(), g.survey == null ? null : g.survey.agent());
    }
}
