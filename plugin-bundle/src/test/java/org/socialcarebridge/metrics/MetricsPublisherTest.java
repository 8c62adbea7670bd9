package org.socialcarebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.metrics.TicketRecords.Triaged;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.rules.BusinessHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metric fields kept current in the help desk from the records alone, each change written once. */
class MetricsPublisherTest {
    /** Tuesday 10:00 UTC, inside 08:00-20:00 weekday hours. */
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");


    /** A help desk that records each field write, and can go down after some writes or refuse a ticket. */
    static final class Desk extends RecordingHost {
        final List<Long> writes = new ArrayList<>();
        final List<Map<TicketField, String>> written = new ArrayList<>();
        int downAfter = Integer.MAX_VALUE;
        final Set<Long> refused = new HashSet<>();

        @Override
        public void setTicketFields(long ticketId, Map<TicketField, String> fields) {
            if (writes.size() >= downAfter) {
                throw new HostUnavailableException("RT is down (test)");
            }
            if (refused.contains(ticketId)) {
                throw new HostRejectedException("ticket " + ticketId + " was deleted (test)");
            }
            super.setTicketFields(ticketId, fields);
            writes.add(ticketId);
            written.add(new LinkedHashMap<>(fields));
        }

        Map<TicketField, String> last() {
            return written.get(written.size() - 1);
        }
    }

    final Database db = TestDatabase.open();
    final TicketRecords records = new TicketRecords(db);
    final Desk desk = new Desk();
    final MovableClock clock = new MovableClock(T);
    final MetricsPublisher publisher = new MetricsPublisher(db, desk, BusinessHours::weekdays, clock);

    @AfterEach
    void close() {
        db.close();
    }

    static Instant t(long minutes) {
        return T.plusSeconds(60 * minutes);
    }

    static Triaged due(Instant due) {
        return new Triaged(Sentiment.NEGATIVE, Tier.P1, due, "Delay");
    }

    @Test
    void aNewTicketGetsItsMetricsThenOnlyWhatChangesIsWritten() {
        records.message(7, "1", t(0), due(t(60)));
        clock.now = T.plusSeconds(60 * 1);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.SLA, "Open", TicketField.REPLIES, "0", TicketField.SENTIMENT_FIRST, "negative",
                TicketField.SENTIMENT_LAST, "negative", TicketField.SENTIMENT_CONVERSION, "negative→negative"), desk.last(),
                "empty metrics are not written to a new ticket");
        assertEquals(0, publisher.publish(200), "nothing changed");
        assertEquals(1, desk.writes.size());

        records.reply(7, 501, "alex", t(25));
        clock.now = T.plusSeconds(60 * 26);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.FIRST_RESPONSE, "25", TicketField.FIRST_RESPONSE_BUSINESS, "25",
                TicketField.FIRST_RESPONSE_BAND, "15m to 1h", TicketField.SLA, "Met", TicketField.REPLIES, "1"), desk.last());

        records.message(7, "2", t(30), new Triaged(Sentiment.POSITIVE, Tier.P3, t(300), "Other"));
        records.reply(7, 502, "alex", t(31));
        clock.now = T.plusSeconds(60 * 32);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.REPLIES, "2", TicketField.SENTIMENT_LAST, "positive",
                TicketField.SENTIMENT_CONVERSION, "negative→positive"), desk.last(), "one call with every change since the last");
        clock.now = T.plusSeconds(60 * 60);
        assertEquals(0, publisher.publish(200));
        assertEquals(3, desk.writes.size());
    }

    @Test
    void anOpenSlaTurnsBreachedWhenItsDueTimePassesWithoutAnyActivity() {
        records.message(7, "1", t(0), due(t(60)));
        clock.now = T.plusSeconds(60 * 1);
        publisher.publish(200);
        clock.now = T.plusSeconds(60 * 60);
        assertEquals(0, publisher.publish(200), "due now, not yet late");
        clock.now = t(60).plusSeconds(1);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.SLA, "Breached"), desk.last());
        clock.now = T.plusSeconds(60 * 120);
        assertEquals(0, publisher.publish(200), "flipped once");

        records.reply(7, 501, "alex", t(125));
        clock.now = T.plusSeconds(60 * 126);
        publisher.publish(200);
        assertEquals("Breached", desk.ticketFields.get(7L).get(TicketField.SLA), "a late reply leaves it Breached");
        assertEquals("125", desk.ticketFields.get(7L).get(TicketField.FIRST_RESPONSE));
    }

    @Test
    void aResolutionWritesItsTimesAndReopeningClearsThem() {
        records.message(7, "1", t(0), due(t(60)));
        records.reply(7, 501, "alex", t(10));
        clock.now = T.plusSeconds(60 * 11);
        publisher.publish(200);
        records.resolve(7, 600, "alex", t(95));
        clock.now = T.plusSeconds(60 * 96);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.RESOLUTION, "95", TicketField.RESOLUTION_BUSINESS, "95"), desk.last());

        records.reopen(600, t(100));
        clock.now = T.plusSeconds(60 * 101);
        assertEquals(1, publisher.publish(200));
        assertEquals(Map.of(TicketField.RESOLUTION, "", TicketField.RESOLUTION_BUSINESS, ""), desk.last(),
                "cleared the way RT stores a cleared value");
    }

    @Test
    void anAnsweredSurveyWritesTheScoreAndALaterOneReplacesIt() {
        records.message(7, "1", t(0), due(t(60)));
        records.reply(7, 501, "alex", t(10));
        Resolution first = records.resolve(7, 600, "alex", t(20));
        clock.now = T.plusSeconds(60 * 21);
        publisher.publish(200);
        records.surveyAnswered(first, 2, t(40));
        clock.now = T.plusSeconds(60 * 41);
        publisher.publish(200);
        assertEquals(Map.of(TicketField.CSAT, "2"), desk.last());
        records.reopen(600, t(45));
        Resolution second = records.resolve(7, 610, "sam", t(90));
        records.surveyAnswered(second, 5, t(120));
        clock.now = T.plusSeconds(60 * 121);
        publisher.publish(200);
        assertEquals(Map.of(TicketField.CSAT, "5", TicketField.RESOLUTION, "90", TicketField.RESOLUTION_BUSINESS, "90"),
                desk.last());
    }

    @Test
    void aHostOutageStopsThePassAndTheNextGoesOnWithoutWritingAnythingTwice() {
        for (long ticket = 1; ticket <= 5; ticket++) {
            records.message(ticket, String.valueOf(ticket), t(ticket), due(t(600)));
        }
        clock.now = T.plusSeconds(60 * 30);
        desk.downAfter = 2;
        assertThrows(HostUnavailableException.class, () -> publisher.publish(200));
        assertEquals(List.of(1L, 2L), desk.writes);

        desk.downAfter = Integer.MAX_VALUE;
        assertEquals(3, publisher.publish(200));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), desk.writes, "each ticket written once, in the order it changed");
        assertEquals(0, publisher.publish(200));
    }

    @Test
    void aDeskThatIsDownFromTheStartLosesNothing() {
        records.message(7, "1", t(0), due(t(60)));
        records.reply(7, 501, "alex", t(10));
        clock.now = T.plusSeconds(60 * 11);
        desk.downAfter = 0;
        assertThrows(HostUnavailableException.class, () -> publisher.publish(200));
        assertThrows(HostUnavailableException.class, () -> publisher.publish(200));
        assertNull(publisher.position(), "the cursor did not move past anything unwritten");
        clock.now = T.plusSeconds(60 * 500);
        desk.downAfter = Integer.MAX_VALUE;
        assertEquals(1, publisher.publish(200));
        assertEquals("Met", desk.ticketFields.get(7L).get(TicketField.SLA));
        assertEquals("10", desk.ticketFields.get(7L).get(TicketField.FIRST_RESPONSE));
    }

    @Test
    void aPassWritesAtMostMaxTicketsAndTheNextPassesTheRest() {
        for (long ticket = 1; ticket <= 5; ticket++) {
            records.message(ticket, String.valueOf(ticket), t(ticket), due(t(600)));
        }
        clock.now = T.plusSeconds(60 * 30);
        assertEquals(2, publisher.publish(2));
        assertEquals(2, publisher.publish(2));
        assertEquals(1, publisher.publish(2));
        assertEquals(0, publisher.publish(2));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), desk.writes);
    }

    @Test
    void ticketsChangedAtTheSameInstantAreAllPublishedAcrossSmallPasses() {
        for (long ticket = 1; ticket <= 7; ticket++) {
            records.message(ticket, String.valueOf(ticket), t(0), due(t(600)));
            if (ticket <= 2) {
                records.reply(ticket, 500 + ticket, "alex", t(5));
            }
        }
        clock.now = T.plusSeconds(60 * 30);
        int written = 0;
        for (int pass = 0; pass < 10; pass++) {
            written += publisher.publish(3);
        }
        assertEquals(7, written);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), desk.writes);
    }

    @Test
    void aRecordStampedBeforeTheLastPassButCommittedAfterItIsNotMissed() {
        clock.now = T.plusSeconds(60 * 100);
        records.message(1, "1", t(100).minusSeconds(2), due(t(600)));
        assertEquals(1, publisher.publish(200));
        // Stamped 5 seconds ago, in a transaction that committed only now.
        records.message(2, "2", t(100).minusSeconds(5), due(t(600)));
        clock.now = t(100).plusSeconds(1);
        assertEquals(1, publisher.publish(200));
        assertEquals(List.of(1L, 2L), desk.writes);
    }

    @Test
    void aTicketTheDeskRefusesIsSkippedAndTheOthersAreWritten() {
        records.message(1, "1", t(0), due(t(60)));
        records.message(2, "2", t(1), due(t(60)));
        records.message(3, "3", t(2), due(t(60)));
        desk.refused.add(2L);
        clock.now = T.plusSeconds(60 * 10);
        assertEquals(2, publisher.publish(200));
        assertEquals(List.of(1L, 3L), desk.writes);
        clock.now = T.plusSeconds(60 * 90);
        assertEquals(2, publisher.publish(200), "the refused ticket is not retried every pass, only when it changes");
        assertEquals(List.of(1L, 3L, 1L, 3L), desk.writes);
    }

    @Test
    void aFreshInstallPublishesTheTicketsAlreadyOnRecord() {
        records.message(1, "1", Instant.parse("2025-01-06T10:00:00Z"), due(Instant.parse("2025-01-06T14:00:00Z")));
        records.reply(1, 501, "alex", Instant.parse("2025-01-06T10:03:00Z"));
        assertEquals(1, publisher.publish(200));
        assertEquals("3", desk.ticketFields.get(1L).get(TicketField.FIRST_RESPONSE));
        assertEquals("under 15m", desk.ticketFields.get(1L).get(TicketField.FIRST_RESPONSE_BAND));
    }

    @Test
    void eachPassCountsBusinessTimeOnTheHoursInForceThen() {
        BusinessHours[] hours = {BusinessHours.weekdays()};
        MetricsPublisher p = new MetricsPublisher(db, desk, () -> hours[0], clock);
        // Friday 19:30 to Monday 08:30 UTC: an hour of 08:00-20:00 time.
        records.message(1, "1", Instant.parse("2026-12-04T19:30:00Z"), due(Instant.parse("2026-12-07T11:30:00Z")));
        records.reply(1, 501, "alex", Instant.parse("2026-12-07T08:30:00Z"));
        clock.now = Instant.parse("2026-12-07T09:00:00Z");
        p.publish(200);
        assertEquals("60", desk.ticketFields.get(1L).get(TicketField.FIRST_RESPONSE_BUSINESS));
        assertEquals("3660", desk.ticketFields.get(1L).get(TicketField.FIRST_RESPONSE));

        // The administrator changes the rules file's hours to 09:00-17:00: none of that time was open.
        hours[0] = new BusinessHours(ZoneOffset.UTC, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of());
        // Written on Friday too, but filed only now (records are stamped when the plugin writes them).
        records.message(2, "2", Instant.parse("2026-12-04T19:30:00Z"), Instant.parse("2026-12-07T09:00:30Z"),
                Instant.parse("2026-12-07T09:00:30Z"), due(Instant.parse("2026-12-07T11:30:00Z")));
        records.reply(2, 502, "alex", Instant.parse("2026-12-07T08:30:00Z"));
        clock.now = Instant.parse("2026-12-07T09:01:00Z");
        p.publish(200);
        assertEquals("0", desk.ticketFields.get(2L).get(TicketField.FIRST_RESPONSE_BUSINESS));
        assertEquals("60", desk.ticketFields.get(1L).get(TicketField.FIRST_RESPONSE_BUSINESS), "unchanged tickets are not rewritten");
    }

    @Test
    void whileAMessageWaitsForATicketAPassWritesNothingAndTheNextAfterTheBacklogWritesItAll() {
        records.message(1, "1", t(0), due(t(600)));
        clock.now = t(1);
        assertEquals(1, publisher.publish(200));
        String position = publisher.position();

        String waiting = records.waiting("w1", t(1));
        records.message(2, "2", t(1).plusSeconds(10), due(t(600)));
        records.reply(1, 501, "alex", t(1).plusSeconds(20));
        clock.now = t(2);
        assertEquals(0, publisher.publish(200), "customers first: no metrics written while a message waits");
        assertEquals(List.of(1L), desk.writes);
        assertEquals(position, publisher.position(), "a deferred pass moves no cursor");
        assertEquals(MetricsPublisher.DEFERRED_WHILE_FILING, publisher.state());

        records.file(waiting, 3, t(2).plusSeconds(10));
        clock.now = t(2).plusSeconds(30);
        assertEquals(3, publisher.publish(200), "the backlog is gone: every change of the deferred passes");
        assertEquals(List.of(1L, 2L, 1L, 3L), desk.writes, "in the order the tickets changed");
        assertEquals("1", desk.ticketFields.get(1L).get(TicketField.REPLIES));
        assertEquals(MetricsPublisher.PUBLISHING, publisher.state());
        assertEquals(0, publisher.publish(200));
    }

    @Test
    void aLongCrisisStillMovesTheMetricsEveryTwoMinutes() {
        records.waiting("w1", t(0));
        records.message(1, "1", t(0), due(t(2)));
        clock.now = t(1);
        assertEquals(1, publisher.publish(200), "no pass wrote in the last two minutes: this one writes");
        assertEquals("Open", desk.last().get(TicketField.SLA));

        records.message(2, "2", t(1).plusSeconds(10), due(t(600)));
        clock.now = t(1).plusSeconds(30);
        assertEquals(0, publisher.publish(200));
        clock.now = t(3).minusSeconds(1);
        assertEquals(0, publisher.publish(200), "still within two minutes of the last writing pass");
        assertEquals(List.of(1L), desk.writes);

        clock.now = t(3);
        assertEquals(2, publisher.publish(200), "two minutes on: the Open SLA that fell due and the new ticket");
        assertEquals("Breached", desk.ticketFields.get(1L).get(TicketField.SLA));
        assertEquals(List.of(1L, 2L), desk.writes.subList(1, 3));

        records.message(3, "3", t(3).plusSeconds(5), due(t(600)));
        clock.now = t(3).plusSeconds(30);
        assertEquals(0, publisher.publish(200), "and waits another two minutes");
        clock.now = t(5);
        assertEquals(1, publisher.publish(200));
        assertEquals(3L, desk.writes.get(desk.writes.size() - 1));
    }

    @Test
    void aMessageWaitingOnlyMomentsIsOrdinaryTrafficAndDefersNothing() {
        records.message(1, "1", t(0), due(t(600)));
        clock.now = t(1);
        assertEquals(1, publisher.publish(200));
        records.waiting("w1", t(1).plusSeconds(5));
        records.message(2, "2", t(1).plusSeconds(5), due(t(600)));
        clock.now = t(1).plusSeconds(5 + 29);
        assertEquals(1, publisher.publish(200), "a message waiting 29 s is no backlog");
        clock.now = t(1).plusSeconds(5 + 31);
        records.message(3, "3", t(1).plusSeconds(35), due(t(600)));
        assertEquals(0, publisher.publish(200), "one waiting 31 s is: filing is behind");
    }

    @Test
    void withoutMessagesWaitingForATicketEveryPassWritesAsBefore() {
        records.message(1, "1", t(0), due(t(600)));
        clock.now = t(1);
        assertEquals(1, publisher.publish(200));
        records.message(2, "2", t(1), due(t(600)));
        clock.now = t(1).plusSeconds(5);
        assertEquals(1, publisher.publish(200), "five seconds after a writing pass");
        assertEquals(List.of(1L, 2L), desk.writes);
        assertEquals(MetricsPublisher.PUBLISHING, publisher.state());
    }
}
