package org.socialcarebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.followup.Resolution;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.metrics.TicketRecords.Triaged;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;
import org.socialcarebridge.triage.TriageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the plugin's records say about a ticket, read back from a real H2 database. */
class TicketActivitiesTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    final Database db = TestDatabase.open();
    final TicketRecords records = new TicketRecords(db);
    final TicketActivities activities = new TicketActivities(db);

    @AfterEach
    void close() {
        db.close();
    }

    static Instant t(long minutes) {
        return T.plusSeconds(60 * minutes);
    }

    @Test
    void theMessageFiledFirstOpenedTheTicketAndSetsItsTierDueAndCategory() {
        Instant due = t(240);
        // Filed first though written second (a network delivered the older message late).
        records.message(7, "2", t(5), t(6), t(6), new Triaged(Sentiment.NEGATIVE, Tier.P1, due, "Delay"));
        records.message(7, "1", t(1), t(20), t(21), new Triaged(Sentiment.NEUTRAL, Tier.P3, t(999), "Other"));

        TicketActivity a = activities.read(7).orElseThrow();
        assertEquals(Tier.P1, a.tier());
        assertEquals(due, a.due());
        assertEquals("Delay", a.category());
        assertEquals(Network.X, a.network());
        assertEquals(t(6), a.openedAt());
        assertEquals(List.of("x:1", "x:2"), a.messages().stream().map(TicketActivity.CustomerMessage::key).toList(),
                "ordered by when the customer wrote");
        assertEquals(t(1), a.firstMessageAt());
        assertEquals(Sentiment.NEUTRAL, a.messages().get(0).sentiment());
    }

    @Test
    void aMessageIsWrittenNoLaterThanItWasReceived() {
        // The network's clock runs ten minutes fast.
        records.message(7, "1", t(15), t(5), t(6), Triaged.of(Sentiment.NEGATIVE));
        assertEquals(t(5), activities.read(7).orElseThrow().firstMessageAt());
    }

    @Test
    void onlyRepliesThatReachedTheCustomerCount() {
        records.message(7, "1", t(0), Triaged.of(Sentiment.NEGATIVE));
        records.reply(7, 501, "alex", t(30));
        records.reply(7, 502, "alex", t(10));
        records.heldReply(7, 503, "alex", t(5));
        records.reply(8, 504, "alex", t(1));

        assertEquals(List.of(t(10), t(30)), activities.read(7).orElseThrow().replies());
    }

    @Test
    void theLatestResolutionStandsUnlessItWasReopened() {
        records.message(7, "1", t(0), Triaged.of(Sentiment.NEGATIVE));
        records.resolve(7, 600, "alex", t(60));
        records.reopen(600, t(70));
        records.resolve(7, 610, "sam", t(90));
        TicketActivity a = activities.read(7).orElseThrow();
        assertEquals(t(90), a.resolvedAt());
        assertEquals("sam", a.resolvedBy());

        records.reopen(610, t(100));
        TicketActivity reopened = activities.read(7).orElseThrow();
        assertNull(reopened.resolvedAt(), "reopened after its latest resolution: not resolved, whatever came before");
        assertNull(reopened.resolvedBy());
    }

    @Test
    void theLatestAnsweredSurveyGivesTheScoreAndTheAgentCredited() {
        records.message(7, "1", t(0), Triaged.of(Sentiment.NEGATIVE));
        Resolution first = records.resolve(7, 600, "alex", t(60));
        records.surveyAnswered(first, 2, t(80));
        records.reopen(600, t(85));
        Resolution second = records.resolve(7, 610, "sam", t(120));
        records.surveyAnswered(second, 5, t(150));
        Resolution third = records.resolve(7, 620, "kim", t(200));
        records.surveySent(third, t(210));

        TicketActivity a = activities.read(7).orElseThrow();
        assertEquals(5, a.csat());
        assertEquals("sam", a.csatAgent(), "the unanswered survey after it changes nothing");
    }

    @Test
    void anAnswerWithoutAScoreLeavesTheEarlierScore() {
        records.message(7, "1", t(0), Triaged.of(Sentiment.NEGATIVE));
        Resolution first = records.resolve(7, 600, "alex", t(60));
        records.surveyAnswered(first, 4, t(80));
        Resolution second = records.resolve(7, 610, "sam", t(120));
        records.surveyAnswered(second, null, t(150));
        assertEquals(4, activities.read(7).orElseThrow().csat());
    }

    @Test
    void aTicketWithoutFiledCustomerMessagesIsNotOneThePluginMeasures() {
        records.reply(9, 501, "alex", t(30));
        records.filtered("77", t(0));
        assertTrue(activities.read(9).isEmpty());
        assertTrue(activities.read(List.of(9L, 10L)).isEmpty());
    }

    @Test
    void fiveHundredMessagesAndRepliesOnOneTicketAreReadWhole() {
        for (int i = 0; i < 500; i++) {
            records.message(7, String.valueOf(1000 + i), t(2 * i), Triaged.of(i % 2 == 0 ? Sentiment.NEGATIVE : Sentiment.POSITIVE));
            records.reply(7, 5000 + i, "alex", t(2 * i + 1));
        }
        TicketActivity a = activities.read(7).orElseThrow();
        assertEquals(500, a.messages().size());
        assertEquals(500, a.replies().size());
        assertEquals(t(0), a.firstMessageAt());
        assertEquals(Sentiment.POSITIVE, a.messages().get(499).sentiment());
    }

    @Test
    void manyTicketsAreReadInBatchesEachWithItsOwnRecords() {
        int tickets = TicketActivities.BATCH * 2 + 17;
        db.writing(em -> {
            for (long ticket = 1; ticket <= tickets; ticket++) {
                // One transaction for speed: the same rows intake would leave.
                InboundMessage m = new InboundMessage(
                        Network.X, "m" + ticket, TicketRecords.ALICE, "hi", t(ticket), null, "c" + ticket,
                        Visibility.PUBLIC, null);
                LedgerEntry e = LedgerEntry.received(m, t(ticket));
                e.filed(new Conversation("x:c" + ticket, ticket, TicketRecords.ALICE, t(ticket)),
                        t(ticket));
                em.persist(e);
                em.persist(TriageRecord.of(m.key(),
                        TicketRecords.decision(new Triaged(Sentiment.NEUTRAL, Tier.P3, t(ticket + 60), null)), t(ticket)));
            }
        });
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, tickets).boxed().toList());
        ids.add(99_999L);
        Map<Long, TicketActivity> read = activities.read(ids);
        assertEquals(tickets, read.size());
        for (long ticket = 1; ticket <= tickets; ticket++) {
            TicketActivity a = read.get(ticket);
            assertEquals(t(ticket), a.firstMessageAt());
            assertEquals(t(ticket + 60), a.due());
            assertEquals(1, a.messages().size());
        }
    }

    @Test
    void aSurveyAnswerCarriesItsScoresSentimentNotTheLexiconsReading() {
        records.message(7, "1", t(0), Triaged.of(Sentiment.NEGATIVE));
        Resolution r = records.resolve(7, 600, "alex", t(60));
        // The answer is filed on the ticket like any message; triage read "5, thanks!" as neutral.
        records.message(7, "answer600", t(80), Triaged.of(Sentiment.NEUTRAL));
        records.surveyAnswered(r, 5, t(80));
        List<Sentiment> sentiments = activities.read(7).orElseThrow().messages().stream()
                .map(TicketActivity.CustomerMessage::sentiment).toList();
        assertEquals(List.of(Sentiment.NEGATIVE, Sentiment.POSITIVE), sentiments);
    }

    @Test
    void anAgentsCorrectionOfTheCategoryWinsOverTriages() {
        records.message(7, "1", t(0), new Triaged(Sentiment.NEGATIVE, Tier.P1, t(30), "Delay"));
        new org.socialcarebridge.triage.engine.TriageTraining(db, new org.socialcarebridge.triage.learn.TextModel(),
                java.time.Clock.fixed(t(5), java.time.ZoneOffset.UTC))
                .correct(new org.socialcarebridge.host.FieldChange(900, 7, TicketField.CATEGORY, "Lost or Damaged", "agent"));
        assertEquals("Lost or Damaged", activities.read(7).orElseThrow().category(), "what RT's charts group by");
    }
}
