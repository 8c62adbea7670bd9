package org.socialcarebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.BusinessHours;
import org.socialcarebridge.triage.rules.TriageRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report computed over the plugin's records agrees with the same questions asked of the help desk's
 * fields, as the RT saved searches ask them, after real intake, triage and publishing.
 */
class ReportAgreementTest {
    static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 120, false);
    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 40, false);
    static final SocialIdentity CARA = new SocialIdentity(Network.MASTODON, "3001", "cara", "Cara", null, 10, false);

    /** A help desk that also keeps when each ticket was created and its due date, as RT does. */
    final class Desk extends RecordingHost {
        final Map<Long, Instant> created = new HashMap<>();

        @Override
        public long openTicket(NewTicket ticket) {
            long id = super.openTicket(ticket);
            created.put(id, clock.instant());
            return id;
        }

        Instant due(long ticket) {
            return tickets.get(ticket).routing().due();
        }

        String field(long ticket, TicketField name) {
            String v = ticketFields.getOrDefault(ticket, Map.of()).get(name);
            if (v == null) {
                v = tickets.get(ticket).customFields().get(name);
            }
            return v == null || v.isEmpty() ? SupervisorReport.NO_VALUE : v;
        }
    }

    final org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(MetricsPublisherTest.T);
    final Desk desk = new Desk();
    final Database db = TestDatabase.open();
    final Intake intake = new Intake(db, desk, desk, Set.of(), Duration.ofDays(7), new Triage(TriageRules::defaults, new TextModel()),
            clock);
    final TicketRecords records = new TicketRecords(db);
    final MetricsPublisher publisher = new MetricsPublisher(db, desk, BusinessHours::weekdays, clock);

    @AfterEach
    void close() {
        db.close();
    }

    /** The customer writes at {@code at}; the plugin files it at once; the publisher's timer runs. */
    void writes(String at, SocialIdentity who, String id, String text, String inReplyTo) {
        clock.now = Instant.parse(at);
        intake.receive(List.of(new InboundMessage(who.network(), id, who, text, clock.now, inReplyTo,
                inReplyTo == null ? id : inReplyTo, Visibility.PUBLIC, null)));
        intake.filePending(10);
        publisher.publish(200);
    }

    void then(String at, Runnable what) {
        clock.now = Instant.parse(at);
        what.run();
        publisher.publish(200);
    }

    /** What the follow-up code does when an agent resolves a ticket and the customer answers its survey. */
    void resolvedAndSurveyed(long ticket, long transaction, String agent, String resolved, Integer score, String answered) {
        then(resolved, () -> {
            desk.resolved.put(ticket, clock.now);
            desk.ticketFields.computeIfAbsent(ticket, k -> new HashMap<>()).put(TicketField.RESOLVED_BY, agent);
            Resolution r = records.resolve(ticket, transaction, agent, clock.now);
            if (score != null) {
                clock.now = Instant.parse(answered);
                records.surveyAnswered(r, score, clock.now);
            }
        });
    }

    @Test
    void theDesksSearchesAndThePluginsReportCountTheSame() {
        writes("2026-11-25T10:00:00Z", BOB, "60", "@acme my flight was delayed three hours, not happy", null);
        then("2026-11-25T10:20:00Z", () -> records.reply(1, 601, "alex", clock.now));
        resolvedAndSurveyed(1, 602, "alex", "2026-11-25T11:00:00Z", 4, "2026-11-25T12:00:00Z");

        writes("2026-12-05T10:00:00Z", CARA, "70", "@acme thanks, the crew was lovely today", null);
        then("2026-12-05T10:05:00Z", () -> records.reply(2, 701, "sam", clock.now));
        resolvedAndSurveyed(2, 702, "sam", "2026-12-06T09:00:00Z", 2, "2026-12-06T10:00:00Z");

        writes("2026-12-07T09:00:00Z", ALICE, "10", "@acme my flight was cancelled and nobody is helping, terrible", null);
        then("2026-12-07T09:10:00Z", () -> records.reply(3, 101, "alex", clock.now));
        writes("2026-12-07T09:30:00Z", ALICE, "11", "@acme thanks, all fixed, great service", "10");
        resolvedAndSurveyed(3, 102, "alex", "2026-12-07T10:00:00Z", 5, "2026-12-07T11:00:00Z");

        writes("2026-12-07T20:30:00Z", BOB, "20", "@acme where is my refund? I asked twice", null);
        then("2026-12-08T08:40:00Z", () -> records.reply(4, 201, "kim", clock.now));

        writes("2026-12-08T09:00:00Z", ALICE, "30", "@acme you lost my bag, I need it today", null);
        writes("2026-12-08T11:30:00Z", BOB, "40", "@acme is the lounge open at the airport?", null);
        writes("2026-12-08T11:40:00Z", BOB, "41", "Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone", null);
        then(NOW.toString(), () -> { });

        SupervisorReport report = SupervisorReport.of(db, BusinessHours.weekdays(), NOW);
        Desk d = desk;
        Set<Long> all = d.tickets.keySet();
        Instant weekAgo = NOW.minus(Duration.ofDays(7));
        List<Long> week = all.stream().filter(t -> !d.created.get(t).isBefore(weekAgo)).sorted().toList();

        assertEquals(all.stream().filter(t -> !d.resolved.containsKey(t) && "Open".equals(d.field(t, TicketField.SLA))
                && d.due(t) != null && d.due(t).isBefore(NOW.plus(Duration.ofHours(1)))).sorted().toList(), report.slaAtRisk());
        assertEquals(all.stream().filter(t -> "Breached".equals(d.field(t, TicketField.SLA)) && d.due(t) != null
                && !d.due(t).isBefore(NOW.truncatedTo(ChronoUnit.DAYS))).sorted().toList(), report.slaBreachedToday());
        assertEquals(count(week, t -> d.field(t, TicketField.NETWORK)), report.volumeByNetwork());
        assertEquals(count(week, t -> d.field(t, TicketField.CATEGORY)), report.volumeByCategory());
        assertEquals(count(week, t -> d.field(t, TicketField.PRIORITY)), report.volumeByPriority());
        assertEquals(nested(week.stream().filter(t -> !SupervisorReport.NO_VALUE.equals(d.field(t, TicketField.FIRST_RESPONSE_BAND)))
                        .toList(), t -> d.field(t, TicketField.PRIORITY), t -> d.field(t, TicketField.FIRST_RESPONSE_BAND)),
                report.firstResponseByTier());
        assertEquals(nested(all.stream().filter(t -> !SupervisorReport.NO_VALUE.equals(d.field(t, TicketField.CSAT))).toList(),
                t -> d.field(t, TicketField.RESOLVED_BY), t -> d.field(t, TicketField.CSAT)), report.csatByAgent());
        assertEquals(count(all.stream().filter(t -> d.resolved.containsKey(t) && !d.resolved.get(t).isBefore(weekAgo)).toList(),
                t -> d.field(t, TicketField.SENTIMENT_CONVERSION)), report.sentimentConversion());
        assertEquals(week.size(), report.ticketed());
        assertEquals(1, report.filtered());

        // And the scenario exercises every item, so agreement is not agreement on nothing.
        assertEquals(5, report.ticketed());
        assertFalse(report.firstResponseByTier().isEmpty());
        assertEquals(Map.of("alex", Map.of("4", 1L, "5", 1L), "sam", Map.of("2", 1L)), report.csatByAgent());
        assertEquals(2, report.sentimentConversion().values().stream().mapToLong(Long::longValue).sum());
        assertFalse(report.slaAtRisk().isEmpty() && report.slaBreachedToday().isEmpty(), report.toJson());
    }

    static Map<String, Long> count(List<Long> tickets, Function<Long, String> by) {
        return tickets.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
    }

    static Map<String, Map<String, Long>> nested(List<Long> tickets, Function<Long, String> outer, Function<Long, String> inner) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        tickets.forEach(t -> m.computeIfAbsent(outer.apply(t), k -> new TreeMap<>()).merge(inner.apply(t), 1L, Long::sum));
        return m;
    }
}
