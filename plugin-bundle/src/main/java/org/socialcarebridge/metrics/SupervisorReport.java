package org.socialcarebridge.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.health.ChannelWatch;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.eval.Json;
import org.socialcarebridge.triage.rules.BusinessHours;

/**
 * The supervisors' social care report computed over the plugin's own records, meaning what the help
 * desk's saved searches mean (times UTC, "this week" the last 7 days), so the two can be checked against
 * each other. Every number comes from the tickets' {@link TicketMetrics}, as their fields do; CSAT by
 * agent, over all time, from {@link TicketActivities#csat()}, the same rule read from the surveys alone.
 *
 * @param slaAtRisk            tickets not resolved whose SLA is Open and due within the hour, by id
 * @param slaBreachedToday     tickets whose SLA is Breached with a due time since 00:00 today, by id
 * @param volumeByNetwork      tickets opened this week, by Social Network
 * @param volumeByCategory     the same, by Social Category ({@value #NO_VALUE} without one)
 * @param volumeByPriority     the same, by Social Priority
 * @param firstResponseByTier  tickets opened this week that have a first response, by priority, then band
 * @param csatByAgent          tickets with a CSAT score, by the agent credited, then score
 * @param sentimentConversion  tickets resolved this week, by Social Sentiment Conversion
 * @param filtered             messages triage filtered as noise this week
 * @param ticketed             tickets opened this week
 * @param channelAlerts        the channels with an open "Social channel … needs attention" alert, with its ticket id
 */
public record SupervisorReport(Instant now, List<Long> slaAtRisk, List<Long> slaBreachedToday,
                               Map<String, Long> volumeByNetwork, Map<String, Long> volumeByCategory,
                               Map<String, Long> volumeByPriority, Map<String, Map<String, Long>> firstResponseByTier,
                               Map<String, Map<String, Long>> csatByAgent, Map<String, Long> sentimentConversion,
                               long filtered, long ticketed, Map<String, Long> channelAlerts) {
    /** How RT's charts label a ticket without a value in the field counted by. */
    public static final String NO_VALUE = "(no value)";
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration AT_RISK = Duration.ofHours(1);

    /**
     * The report {@code now}, reading the activity of only the tickets a windowed item can count (opened or
     * resolved this week, due between 00:00 today and an hour from now), and CSAT from the surveys.
     */
    public static SupervisorReport of(Database db, BusinessHours hours, Instant now) {
        Instant weekAgo = now.minus(WEEK);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Set<Long> tickets = new MetricsStore(db).ticketsToReport(weekAgo, today, now.plus(AT_RISK));
        TicketActivities activities = new TicketActivities(db);
        List<TicketMetrics> metrics = new ArrayList<>();
        activities.read(tickets).values().forEach(a -> metrics.add(TicketMetrics.of(a, hours, now)));
        long filtered = new FilteredMessages(db).count(weekAgo);
        Map<String, Long> alerts = ChannelWatch.openAlerts(db);
        return of(metrics, activities.csat(), filtered, alerts, now);
    }

    /**
     * The report over these tickets' metrics (computed for {@code now}) and every ticket's CSAT, given the
     * week's filtered count and open alerts.
     */
    public static SupervisorReport of(Collection<TicketMetrics> tickets, Collection<TicketActivities.Csat> csats, long filtered,
                                      Map<String, Long> channelAlerts, Instant now) {
        Instant weekAgo = now.minus(WEEK);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        List<TicketMetrics> week = tickets.stream()
                .filter(m -> m.activity().openedAt() != null && !m.activity().openedAt().isBefore(weekAgo)).toList();
        List<Long> atRisk = tickets.stream()
                .filter(m -> m.activity().resolvedAt() == null && m.sla() == Sla.OPEN && m.activity().due() != null
                        && m.activity().due().isBefore(now.plus(AT_RISK)))
                .map(TicketMetrics::ticketId).sorted().toList();
        List<Long> breached = tickets.stream()
                .filter(m -> m.sla() == Sla.BREACHED && m.activity().due() != null && !m.activity().due().isBefore(today))
                .map(TicketMetrics::ticketId).sorted().toList();
        Map<String, Map<String, Long>> firstResponse = new TreeMap<>();
        week.stream().filter(m -> m.band() != null).forEach(m -> firstResponse
                .computeIfAbsent(value(m.activity().tier()), k -> new TreeMap<>(ResponseBand.LABEL_ORDER))
                .merge(m.band().label(), 1L, Long::sum));
        Map<String, Map<String, Long>> csat = new TreeMap<>();
        csats.forEach(c -> csat.computeIfAbsent(value(c.agent()), k -> new TreeMap<>())
                .merge(String.valueOf(c.score()), 1L, Long::sum));
        Map<String, Long> conversion = count(tickets.stream()
                .filter(m -> m.activity().resolvedAt() != null && !m.activity().resolvedAt().isBefore(weekAgo)).toList(),
                TicketMetrics::sentimentConversion);
        return new SupervisorReport(now, atRisk, breached,
                count(week, m -> m.activity().network() == null ? null : m.activity().network().displayName()),
                count(week, m -> m.activity().category()), count(week, m -> m.activity().tier()), firstResponse, csat,
                conversion, filtered, week.size(), new TreeMap<>(channelAlerts));
    }

    private static Map<String, Long> count(List<TicketMetrics> tickets, Function<TicketMetrics, Object> by) {
        Map<String, Long> counts = new TreeMap<>();
        tickets.forEach(m -> counts.merge(value(by.apply(m)), 1L, Long::sum));
        return counts;
    }

    private static String value(Object v) {
        return v == null || v.toString().isEmpty() ? NO_VALUE : v.toString();
    }

    /**
     * The report as JSON, the shape {@code GET /socialcare/reports} answers:
     * <pre>
     * {"generatedAt": "…Z", "week": {"from": "…Z", "to": "…Z"},
     *  "slaAtRisk": [ticket ids], "slaBreachedToday": [ticket ids],
     *  "volume": {"total": n, "byNetwork": {"X": n}, "byCategory": {"Delay": n}, "byPriority": {"P1": n}},
     *  "firstResponseByTier": {"P1": {"under 15m": n, "15m to 1h": n}},
     *  "csatByAgent": {"alex": {"5": n}}, "sentimentConversion": {"negative→positive": n},
     *  "noise": {"filtered": n, "ticketed": n}, "channelAlerts": {"x": alert ticket id}}
     * </pre>
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"generatedAt\": ").append(Json.string(now.toString())).append(",\n");
        b.append("  \"week\": {\"from\": ").append(Json.string(now.minus(WEEK).toString())).append(", \"to\": ")
                .append(Json.string(now.toString())).append("},\n");
        b.append("  \"slaAtRisk\": ").append(slaAtRisk).append(",\n");
        b.append("  \"slaBreachedToday\": ").append(slaBreachedToday).append(",\n");
        b.append("  \"volume\": {\"total\": ").append(ticketed).append(", \"byNetwork\": ");
        counts(b, volumeByNetwork).append(", \"byCategory\": ");
        counts(b, volumeByCategory).append(", \"byPriority\": ");
        counts(b, volumeByPriority).append("},\n");
        b.append("  \"firstResponseByTier\": ");
        nested(b, firstResponseByTier).append(",\n");
        b.append("  \"csatByAgent\": ");
        nested(b, csatByAgent).append(",\n");
        b.append("  \"sentimentConversion\": ");
        counts(b, sentimentConversion).append(",\n");
        b.append("  \"noise\": {\"filtered\": ").append(filtered).append(", \"ticketed\": ").append(ticketed).append("},\n");
        b.append("  \"channelAlerts\": ");
        counts(b, channelAlerts).append("\n}\n");
        return b.toString();
    }

    private static StringBuilder counts(StringBuilder b, Map<String, Long> counts) {
        b.append('{');
        String sep = "";
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            b.append(sep).append(Json.string(e.getKey())).append(": ").append(e.getValue());
            sep = ", ";
        }
        return b.append('}');
    }

    private static StringBuilder nested(StringBuilder b, Map<String, Map<String, Long>> counts) {
        b.append('{');
        String sep = "";
        for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
            b.append(sep).append(Json.string(e.getKey())).append(": ");
            counts(b, e.getValue());
            sep = ", ";
        }
        return b.append('}');
    }
}
