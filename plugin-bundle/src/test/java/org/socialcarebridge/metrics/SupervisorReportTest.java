package org.socialcarebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.metrics.TicketRecords.Triaged;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.rules.BusinessHours;

/** The supervisors' report over a seeded week of records, item by item, and as the JSON the endpoint answers. */
class SupervisorReportTest {
    /** Tuesday noon UTC: the week runs from Tuesday 1 December 12:00. */
    static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    final Database db = TestDatabase.open();
    final TicketRecords records = new TicketRecords(db);

    @AfterEach
    void close() {
        db.close();
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    void ticket(long id, Network network, String opened, Tier tier, String category, String due, Sentiment sentiment) {
        records.message(id, "m" + id, at(opened), at(opened), at(opened), new Triaged(sentiment, tier, due == null ? null : at(due),
                category), network);
    }

    @BeforeEach
    void seed() {
        // 1: due within the hour, nobody answered yet: at risk.
        ticket(1, Network.X, "2026-12-08T10:00:00Z", Tier.P1, "Delay", "2026-12-08T12:30:00Z", Sentiment.NEGATIVE);
        // 2: due at 11:00 today, no reply: breached today.
        ticket(2, Network.X, "2026-12-08T09:00:00Z", Tier.P2, "Delay", "2026-12-08T11:00:00Z", Sentiment.NEGATIVE);
        // 3: answered in 10 minutes, resolved, surveyed 5, and the customer ended happy.
        ticket(3, Network.MASTODON, "2026-12-07T10:00:00Z", Tier.P2, "Other", "2026-12-07T14:00:00Z", Sentiment.NEGATIVE);
        records.message(3, "m3b", at("2026-12-07T11:00:00Z"), at("2026-12-07T11:00:00Z"), at("2026-12-07T11:00:00Z"),
                new Triaged(Sentiment.POSITIVE, Tier.P3, null, null), Network.MASTODON);
        records.reply(3, 301, "alex", at("2026-12-07T10:10:00Z"));
        records.surveyAnswered(records.resolve(3, 302, "alex", at("2026-12-07T12:00:00Z")), 5, at("2026-12-07T13:00:00Z"));
        // 4: a Saturday message answered in two hours, no category, surveyed 2 for sam.
        ticket(4, Network.X, "2026-12-05T10:00:00Z", Tier.P3, null, "2026-12-07T12:00:00Z", Sentiment.NEGATIVE);
        records.reply(4, 401, "sam", at("2026-12-05T12:00:00Z"));
        records.surveyAnswered(records.resolve(4, 402, "sam", at("2026-12-06T09:00:00Z")), 2, at("2026-12-06T10:00:00Z"));
        // 5: last month's: only its CSAT counts.
        ticket(5, Network.X, "2026-11-20T10:00:00Z", Tier.P2, "Delay", "2026-11-20T14:00:00Z", Sentiment.NEUTRAL);
        records.reply(5, 501, "alex", at("2026-11-20T10:30:00Z"));
        records.surveyAnswered(records.resolve(5, 502, "alex", at("2026-11-21T09:00:00Z")), 4, at("2026-11-21T10:00:00Z"));
        // 6: open, due in two hours: not at risk yet.
        ticket(6, Network.X, "2026-12-08T11:30:00Z", Tier.P1, "Delay", "2026-12-08T14:00:00Z", Sentiment.NEGATIVE);
        // 7: breached yesterday.
        ticket(7, Network.X, "2026-12-07T08:00:00Z", Tier.P2, "Outage", "2026-12-07T09:00:00Z", Sentiment.NEGATIVE);
        // 8: answered in 20 minutes, resolved, then reopened: not resolved this week.
        ticket(8, Network.X, "2026-12-06T10:00:00Z", Tier.P3, "Other", "2026-12-07T10:00:00Z", Sentiment.NEUTRAL);
        records.reply(8, 801, "kim", at("2026-12-06T10:20:00Z"));
        records.resolve(8, 802, "kim", at("2026-12-06T11:00:00Z"));
        records.reopen(802, at("2026-12-07T09:00:00Z"));
        // Noise: three this week, one before.
        records.filtered("n1", at("2026-12-02T10:00:00Z"));
        records.filtered("n2", at("2026-12-08T10:00:00Z"));
        records.filtered("n3", at("2026-12-08T11:59:59Z"));
        records.filtered("n4", at("2026-11-30T10:00:00Z"));
        // ChannelWatch's open alert for X (#1042); Mastodon's was cleared.
        db.moveCursor("alert:x", "1042", NOW);
        db.moveCursor("alert:mastodon", "", NOW);
    }

    @Test
    void eachItemCountsWhatTheDesksSavedSearchWould() {
        SupervisorReport r = SupervisorReport.of(db, BusinessHours.weekdays(), NOW);

        assertEquals(List.of(1L), r.slaAtRisk());
        assertEquals(List.of(2L), r.slaBreachedToday());
        assertEquals(Map.of("X", 6L, "Mastodon", 1L), r.volumeByNetwork());
        assertEquals(Map.of("Delay", 3L, "Other", 2L, "Outage", 1L, "(no value)", 1L), r.volumeByCategory());
        assertEquals(Map.of("P1", 2L, "P2", 3L, "P3", 2L), r.volumeByPriority());
        assertEquals(Map.of("P2", Map.of("under 15m", 1L), "P3", Map.of("15m to 1h", 1L, "1h to 4h", 1L)), r.firstResponseByTier());
        assertEquals(Map.of("alex", Map.of("4", 1L, "5", 1L), "sam", Map.of("2", 1L)), r.csatByAgent());
        assertEquals(Map.of("negative→positive", 1L, "negative→negative", 1L), r.sentimentConversion());
        assertEquals(3, r.filtered());
        assertEquals(7, r.ticketed());
        assertEquals(Map.of("x", 1042L), r.channelAlerts());
    }

    @Test
    void anHourAndAMinuteLaterTheAtRiskTicketHasBreachedAndTheNextIsAtRisk() {
        SupervisorReport r = SupervisorReport.of(db, BusinessHours.weekdays(), NOW.plusSeconds(3600 + 60));
        assertEquals(List.of(6L), r.slaAtRisk());
        assertEquals(List.of(1L, 2L), r.slaBreachedToday());
    }

    @Test
    void theJsonHasOneKeyPerItem() {
        String expected = """
                {
                  "generatedAt": "2026-12-08T12:00:00Z",
                  "week": {"from": "2026-12-01T12:00:00Z", "to": "2026-12-08T12:00:00Z"},
                  "slaAtRisk": [1],
                  "slaBreachedToday": [2],
                  "volume": {"total": 7, "byNetwork": {"Mastodon": 1, "X": 6}, "byCategory": {"(no value)": 1, "Delay": 3, \
                "Other": 2, "Outage": 1}, "byPriority": {"P1": 2, "P2": 3, "P3": 2}},
                  "firstResponseByTier": {"P2": {"under 15m": 1}, "P3": {"15m to 1h": 1, "1h to 4h": 1}},
                  "csatByAgent": {"alex": {"4": 1, "5": 1}, "sam": {"2": 1}},
                  "sentimentConversion": {"negative→negative": 1, "negative→positive": 1},
                  "noise": {"filtered": 3, "ticketed": 7},
                  "channelAlerts": {"x": 1042}
                }
                """;
        assertEquals(expected, SupervisorReport.of(db, BusinessHours.weekdays(), NOW).toJson());
    }

    @Test
    void namesAreJsonEscaped() {
        Resolution r = records.resolve(5, 503, "o\"brien\\", at("2026-12-08T09:00:00Z"));
        records.surveyAnswered(r, 3, at("2026-12-08T10:00:00Z"));
        String json = SupervisorReport.of(db, BusinessHours.weekdays(), NOW).toJson();
        assertTrue(json.contains("\"o\\\"brien\\\\\": {\"3\": 1}"), json);
    }
}
