package org.socialcarebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.rules.BusinessHours;

/** The metrics of one ticket from its activity, to the minute, on 08:00-20:00 UTC weekdays. */
class TicketMetricsTest {
    static final BusinessHours DESK = BusinessHours.weekdays();
    /** Friday 19:30 UTC: half an hour before the desk closes for the weekend. */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-12-04T19:30:00Z");
    static final Instant MONDAY_0830 = Instant.parse("2026-12-07T08:30:00Z");

    /** A ticket's activity, built up the way its records would be. */
    static final class Activity {
        Tier tier = Tier.P2;
        Instant due;
        final List<TicketActivity.CustomerMessage> messages = new ArrayList<>();
        final List<Instant> replies = new ArrayList<>();
        Instant resolvedAt;
        String resolvedBy;
        Integer csat;
        String csatAgent;

        Activity message(String at, Sentiment sentiment) {
            messages.add(new TicketActivity.CustomerMessage("x:" + (100 + messages.size()), Instant.parse(at), sentiment));
            return this;
        }

        Activity message(Instant at, Sentiment sentiment) {
            return message(at.toString(), sentiment);
        }

        Activity reply(Instant at) {
            replies.add(at);
            return this;
        }

        TicketActivity build() {
            return new TicketActivity(7, Network.X, "Delay", tier, due, messages.isEmpty() ? null : messages.get(0).writtenAt(),
                    messages, replies, resolvedAt, resolvedBy, csat, csatAgent);
        }

        TicketMetrics at(Instant now) {
            return TicketMetrics.of(build(), DESK, now);
        }
    }

    @Test
    void aFridayEveningMessageAnsweredOnMondayMorningTookAnHourOfBusinessTime() {
        Activity a = new Activity().message(FRIDAY_EVENING, Sentiment.NEGATIVE).reply(MONDAY_0830);
        a.due = DESK.plus(FRIDAY_EVENING, Duration.ofHours(4)); // Monday 11:30
        TicketMetrics m = a.at(MONDAY_0830.plusSeconds(60));

        assertEquals(3660L, m.firstResponseMinutes(), "61 wall-clock hours");
        assertEquals(60L, m.firstResponseBusinessMinutes());
        assertEquals(ResponseBand.OVER_24H, m.band());
        assertEquals(Sla.MET, m.sla());
        assertEquals(1, m.replies());
        assertNull(m.resolutionMinutes());
    }

    @Test
    void noReplyYetIsOpenUntilTheDueTimePassesThenBreached() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEGATIVE);
        a.due = Instant.parse("2026-12-01T14:00:00Z");

        TicketMetrics before = a.at(Instant.parse("2026-12-01T13:59:59Z"));
        assertEquals(Sla.OPEN, before.sla());
        assertNull(before.firstResponseMinutes());
        assertNull(before.firstResponseBusinessMinutes());
        assertNull(before.band());
        assertEquals(0, before.replies());
        assertEquals(Sla.OPEN, a.at(a.due).sla(), "at the due time itself, not yet late");
        assertEquals(Sla.BREACHED, a.at(a.due.plusMillis(1)).sla());
    }

    @Test
    void aReplyAtTheDueTimeMeetsItAndOneSecondLaterBreachesIt() {
        Instant due = Instant.parse("2026-12-01T14:00:00Z");
        Activity onTime = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEUTRAL).reply(due);
        onTime.due = due;
        Activity late = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEUTRAL).reply(due.plusSeconds(1));
        late.due = due;

        assertEquals(Sla.MET, onTime.at(due.plusSeconds(3600)).sla());
        assertEquals(240L, onTime.at(due).firstResponseMinutes());
        assertEquals(Sla.BREACHED, late.at(due.plusSeconds(3600)).sla());
        assertEquals(240L, late.at(due.plusSeconds(3600)).firstResponseMinutes(), "4h 0m 1s rounds down");
        assertEquals(ResponseBand.UP_TO_24H, late.at(due).band(), "4h and a second: 4h to 24h");
    }

    @Test
    void withoutADueTimeItIsOpenUntilRepliedThenMet() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEUTRAL);
        Instant muchLater = Instant.parse("2027-06-01T00:00:00Z");
        assertEquals(Sla.OPEN, a.at(muchLater).sla());
        a.reply(Instant.parse("2026-12-09T10:00:00Z"));
        assertEquals(Sla.MET, a.at(muchLater).sla());
    }

    @Test
    void aReplyStampedBeforeTheMessageCountsAsAnImmediateResponse() {
        // The network's clock ran ahead of the plugin's: the reply looks older than the message it answers.
        Activity a = new Activity().message("2026-12-01T10:00:30Z", Sentiment.NEGATIVE).reply(Instant.parse("2026-12-01T10:00:10Z"));
        a.due = Instant.parse("2026-12-01T10:30:00Z");
        TicketMetrics m = a.at(Instant.parse("2026-12-01T11:00:00Z"));
        assertEquals(0L, m.firstResponseMinutes());
        assertEquals(0L, m.firstResponseBusinessMinutes());
        assertEquals(ResponseBand.UNDER_15M, m.band());
        assertEquals(Sla.MET, m.sla());
    }

    @Test
    void minutesRoundDownAndABandBoundaryBelongsToTheBandAbove() {
        Instant wrote = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(14L, new Activity().message(wrote, Sentiment.NEUTRAL).reply(wrote.plusSeconds(14 * 60 + 59)).at(wrote.plusSeconds(7200))
                .firstResponseMinutes());
        assertEquals(ResponseBand.UNDER_15M, new Activity().message(wrote, Sentiment.NEUTRAL).reply(wrote.plusSeconds(14 * 60 + 59))
                .at(wrote.plusSeconds(7200)).band());
        assertEquals(ResponseBand.UP_TO_1H, new Activity().message(wrote, Sentiment.NEUTRAL).reply(wrote.plusSeconds(15 * 60))
                .at(wrote.plusSeconds(7200)).band());
        assertEquals(ResponseBand.UP_TO_4H, new Activity().message(wrote, Sentiment.NEUTRAL).reply(wrote.plusSeconds(3600))
                .at(wrote.plusSeconds(7200)).band());
        assertEquals(ResponseBand.OVER_24H, new Activity().message(wrote, Sentiment.NEUTRAL).reply(wrote.plus(Duration.ofHours(24)))
                .at(wrote.plus(Duration.ofDays(2))).band());
    }

    @Test
    void severalRepliesCountAndTheEarliestIsTheFirstResponseWhateverTheOrderGiven() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEGATIVE)
                .reply(Instant.parse("2026-12-01T12:00:00Z"))
                .reply(Instant.parse("2026-12-01T10:20:00Z"))
                .reply(Instant.parse("2026-12-01T11:00:00Z"));
        TicketMetrics m = a.at(Instant.parse("2026-12-01T13:00:00Z"));
        assertEquals(3, m.replies());
        assertEquals(20L, m.firstResponseMinutes());
        assertEquals(ResponseBand.UP_TO_1H, m.band());
    }

    @Test
    void theFirstMessageWrittenStartsTheClockEvenIfListedLater() {
        Activity a = new Activity().message("2026-12-01T11:00:00Z", Sentiment.NEUTRAL)
                .message("2026-12-01T10:00:00Z", Sentiment.NEGATIVE)
                .reply(Instant.parse("2026-12-01T11:30:00Z"));
        TicketMetrics m = a.at(Instant.parse("2026-12-01T12:00:00Z"));
        assertEquals(90L, m.firstResponseMinutes());
        assertEquals(Sentiment.NEGATIVE, m.sentimentFirst());
        assertEquals(Sentiment.NEUTRAL, m.sentimentLast());
    }

    @Test
    void resolutionTimeRunsFromTheFirstMessageToTheResolutionThatStands() {
        Activity a = new Activity().message(FRIDAY_EVENING, Sentiment.NEGATIVE).reply(MONDAY_0830);
        a.resolvedAt = Instant.parse("2026-12-07T09:45:30Z");
        TicketMetrics m = a.at(Instant.parse("2026-12-08T00:00:00Z"));
        assertEquals(3735L, m.resolutionMinutes(), "Friday 19:30 to Monday 09:45:30");
        assertEquals(135L, m.resolutionBusinessMinutes(), "30 minutes on Friday, 105 on Monday");
        a.resolvedAt = null; // reopened: no resolution stands
        assertNull(a.at(Instant.parse("2026-12-08T00:00:00Z")).resolutionMinutes());
        assertNull(a.at(Instant.parse("2026-12-08T00:00:00Z")).resolutionBusinessMinutes());
    }

    @Test
    void sentimentFirstAndLastSkipMessagesTriageDidNotRead() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", null)
                .message("2026-12-01T10:05:00Z", Sentiment.NEGATIVE)
                .message("2026-12-01T11:00:00Z", Sentiment.NEUTRAL)
                .message("2026-12-01T12:00:00Z", Sentiment.POSITIVE)
                .message("2026-12-01T12:01:00Z", null);
        TicketMetrics m = a.at(Instant.parse("2026-12-01T13:00:00Z"));
        assertEquals(Sentiment.NEGATIVE, m.sentimentFirst());
        assertEquals(Sentiment.POSITIVE, m.sentimentLast());
        assertEquals("negative→positive", m.sentimentConversion());
        assertEquals("neutral→neutral", new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEUTRAL)
                .at(Instant.parse("2026-12-01T13:00:00Z")).sentimentConversion(), "one message: both words, the same");
        assertNull(new Activity().message("2026-12-01T10:00:00Z", null).at(Instant.parse("2026-12-01T13:00:00Z"))
                .sentimentConversion());
    }

    @Test
    void csatIsTheSurveysScoreCreditedToItsAgent() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", Sentiment.NEGATIVE);
        a.csat = 4;
        a.csatAgent = "alex";
        TicketMetrics m = a.at(Instant.parse("2026-12-01T13:00:00Z"));
        assertEquals(4, m.csat());
        assertEquals("alex", m.csatAgent());
    }

    @Test
    void fieldsOfAResolvedTicketNameEveryMetricInTheHelpDesksWords() {
        Activity a = new Activity().message(FRIDAY_EVENING, Sentiment.NEGATIVE).message("2026-12-07T09:00:00Z", Sentiment.POSITIVE)
                .reply(MONDAY_0830).reply(Instant.parse("2026-12-07T09:10:00Z"));
        a.due = DESK.plus(FRIDAY_EVENING, Duration.ofHours(4));
        a.resolvedAt = Instant.parse("2026-12-07T09:45:30Z");
        a.csat = 5;
        a.csatAgent = "alex";
        Map<TicketField, String> expected = new LinkedHashMap<>();
        expected.put(TicketField.FIRST_RESPONSE, "3660");
        expected.put(TicketField.FIRST_RESPONSE_BUSINESS, "60");
        expected.put(TicketField.FIRST_RESPONSE_BAND, "over 24h");
        expected.put(TicketField.RESOLUTION, "3735");
        expected.put(TicketField.RESOLUTION_BUSINESS, "135");
        expected.put(TicketField.SLA, "Met");
        expected.put(TicketField.REPLIES, "2");
        expected.put(TicketField.SENTIMENT_FIRST, "negative");
        expected.put(TicketField.SENTIMENT_LAST, "positive");
        expected.put(TicketField.SENTIMENT_CONVERSION, "negative→positive");
        expected.put(TicketField.CSAT, "5");
        Map<TicketField, String> fields = a.at(Instant.parse("2026-12-08T00:00:00Z")).fields();
        assertEquals(expected, fields);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(fields.keySet()), "in the help desk's order");
        assertEquals(TicketMetrics.FIELDS, List.copyOf(fields.keySet()));
    }

    @Test
    void metricsThatDoNotApplyAreEmptyStringsTheWayTheHelpDeskStoresACleared() {
        Activity a = new Activity().message("2026-12-01T10:00:00Z", null);
        Map<TicketField, String> expected = new LinkedHashMap<>();
        TicketMetrics.FIELDS.forEach(f -> expected.put(f, ""));
        expected.put(TicketField.SLA, "Open");
        expected.put(TicketField.REPLIES, "0");
        assertEquals(expected, a.at(Instant.parse("2026-12-01T10:01:00Z")).fields());
    }
}
