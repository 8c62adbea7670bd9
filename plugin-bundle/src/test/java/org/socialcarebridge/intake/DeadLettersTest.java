package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.persistence.PersistenceException;

import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each message on its own: what one message throws makes it a dead letter, never stops the others. */
class DeadLettersTest {
    static final SocialIdentity ALICE = IntakeTest.ALICE;
    static final SocialIdentity BOB = IntakeTest.BOB;

    /** A help desk whose ticket text makes it fail: a stack overflow, a store error, until cured. */
    static final class Desk extends RecordingHost {
        boolean cured;

        @Override
        public long openTicket(NewTicket ticket) {
            if (!cured && ticket.content().contains("overflow")) {
                throw new StackOverflowError();
            }
            if (ticket.content().contains("store trouble")) {
                throw new PersistenceException("Value too long for column (test)");
            }
            return super.openTicket(ticket);
        }
    }

    final Desk host = new Desk();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final Database db = TestDatabase.open();
    final Intake intake = new Intake(db, host, host, Set.of(), IntakeTest.WINDOW, clock);
    final DeadLetters deadLetters = new DeadLetters(db, clock);

    @AfterEach
    void close() {
        db.close();
    }

    LedgerEntry entry(String key) {
        return db.read(em -> em.find(LedgerEntry.class, key));
    }

    @Test
    void aStackOverflowDeadLettersThatMessageAndTheNextIsFiledInTheSamePass() {
        intake.receive(List.of(IntakeTest.tweet("10", ALICE, "@acme this one makes an overflow", null, "10"),
                IntakeTest.tweet("11", BOB, "@acme my router is broken", null, "11")));
        Intake.FilingReport report = intake.filePending(10);
        assertEquals(1, report.filed());
        assertEquals(1, report.deadLettered());
        assertEquals(0, report.waiting());
        assertEquals(LedgerState.DEAD_LETTER, entry("x:10").state());
        assertTrue(entry("x:10").lastError().startsWith("Could not be processed: java.lang.StackOverflowError"),
                entry("x:10").lastError());
        assertEquals(LedgerState.FILED, entry("x:11").state());
        assertEquals(List.of("11"), host.messages.get(1L));
    }

    @Test
    void aHostOutageStillKeepsTheMessageWaitingRatherThanDeadLettered() {
        host.down = true;
        intake.receive(List.of(IntakeTest.tweet("20", ALICE, "@acme help", null, "20")));
        Intake.FilingReport report = intake.filePending(10);
        assertEquals(1, report.waiting());
        assertEquals(LedgerState.RECEIVED, entry("x:20").state());
        assertEquals(0, deadLetters.count());
    }

    @Test
    void aStoreErrorWaitsTwiceThenTheThirdMakesItADeadLetterAndTheOthersGoOn() {
        intake.receive(List.of(IntakeTest.tweet("30", ALICE, "@acme store trouble", null, "30"),
                IntakeTest.tweet("31", BOB, "@acme fine", null, "31")));
        assertEquals(2, intake.filePending(10).waiting(), "a store error may be an outage: the pass stops");
        // The desk was asked to write before each failure: every retry first waits out its patience.
        clock.now = clock.now.plus(Intake.HOST_PATIENCE);
        assertEquals(2, intake.filePending(10).waiting());
        clock.now = clock.now.plus(Intake.HOST_PATIENCE);
        Intake.FilingReport third = intake.filePending(10);
        assertEquals(1, third.deadLettered(), "three in a row for one message: that message's fault");
        assertEquals(1, third.filed());
        assertTrue(entry("x:30").lastError().contains("Value too long"), entry("x:30").lastError());
    }

    @Test
    void oneMessageThatCannotBeStoredNeverTakesTheOthersOfItsPageWithIt() {
        // Every field is cut to its column now, so the store refuses this one message by a constraint of its own.
        db.writing(em -> em.createNativeQuery("ALTER TABLE SC_LEDGER ADD CONSTRAINT SC_TEST_REFUSE"
                + " CHECK (MESSAGE_ID <> '501' OR STATE = 'DEAD_LETTER')").executeUpdate());
        SocialIdentity dana = new SocialIdentity(Network.MASTODON, "77", "dana@example.social", "Dana", null, 3, false);
        SocialIdentity carol = new SocialIdentity(Network.MASTODON, "78", "carol@example.social", "Carol", null, 3, false);
        List<InboundMessage> page = List.of(
                new InboundMessage(Network.MASTODON, "500", carol, "@acme first", Instant.parse("2026-11-24T10:00:00Z"),
                        null, null, Visibility.PUBLIC, null),
                new InboundMessage(Network.MASTODON, "501", dana, "@acme refused by the store",
                        Instant.parse("2026-11-24T10:00:01Z"), null, null, Visibility.PUBLIC, null),
                new InboundMessage(Network.MASTODON, "502", carol, "@acme third", Instant.parse("2026-11-24T10:00:02Z"),
                        null, null, Visibility.PUBLIC, null));
        assertEquals(3, intake.receive(page));
        assertEquals(LedgerState.RECEIVED, entry("mastodon:500").state());
        assertEquals(LedgerState.RECEIVED, entry("mastodon:502").state());
        LedgerEntry dead = entry("mastodon:501");
        assertEquals(LedgerState.DEAD_LETTER, dead.state());
        assertTrue(dead.lastError().startsWith("Could not be stored as received"), dead.lastError());
        assertEquals("@acme refused by the store", dead.text(), "the text is kept whole");
        assertEquals(0, intake.receive(page), "a re-poll records nothing twice");
        assertEquals(2, intake.filePending(10).filed());
    }

    @Test
    void listsNewestFirstRetriesAndDiscards() {
        intake.receive(List.of(IntakeTest.tweet("40", ALICE, "@acme an overflow", null, "40")));
        intake.filePending(10);
        clock.now = clock.now.plusSeconds(60);
        intake.receive(List.of(IntakeTest.tweet("41", BOB, "@acme another overflow", null, "41")));
        intake.filePending(10);

        List<DeadLetters.DeadLetter> listed = deadLetters.newest(10);
        assertEquals(List.of("x:41", "x:40"), listed.stream().map(DeadLetters.DeadLetter::key).toList());
        DeadLetters.DeadLetter newest = listed.get(0);
        assertEquals("x:2002 (@bob)", newest.author());
        assertEquals("@acme another overflow", newest.text());
        assertNotNull(newest.receivedAt());
        assertEquals(Instant.parse("2026-11-24T12:01:00Z"), newest.deadLetteredAt());

        host.cured = true;
        // The desk was asked to open its ticket when it failed: a retry looks it up after the patience window.
        clock.now = clock.now.plus(Intake.HOST_PATIENCE);
        deadLetters.retry("x:40");
        assertEquals(LedgerState.RECEIVED, entry("x:40").state());
        assertEquals(1, intake.filePending(10).filed(), "a retried dead letter is filed on the next pass");
        assertEquals(LedgerState.FILED, entry("x:40").state());

        deadLetters.discard("x:41");
        assertEquals(LedgerState.DISCARDED, entry("x:41").state());
        assertEquals(clock.instant(), entry("x:41").discardedAt());
        assertEquals(0, deadLetters.count());
        assertEquals(0, intake.filePending(10).filed(), "a discarded message is never filed");
    }

    @Test
    void refusesWhatIsNoDeadLetterUnknownKeysAndRetryingAnUnreadableItem() {
        intake.receive(List.of(IntakeTest.tweet("50", ALICE, "@acme fine", null, "50")));
        intake.filePending(10);
        IllegalStateException filed = assertThrows(IllegalStateException.class, () -> deadLetters.retry("x:50"));
        assertTrue(filed.getMessage().contains("x:50") && filed.getMessage().contains("FILED"), filed.getMessage());
        assertThrows(IllegalStateException.class, () -> deadLetters.discard("x:50"));
        NoSuchElementException unknown = assertThrows(NoSuchElementException.class, () -> deadLetters.retry("x:nope"));
        assertTrue(unknown.getMessage().contains("x:nope"), unknown.getMessage());

        db.writing(em -> em.persist(LedgerEntry.unreadable(Network.MASTODON, "900", "{\"id\":\"900\",\"type\":\"mention\"}",
                "no account in the notification", clock.instant())));
        IllegalStateException unreadable = assertThrows(IllegalStateException.class, () -> deadLetters.retry("mastodon:900"));
        assertTrue(unreadable.getMessage().contains("never read"), unreadable.getMessage());
        deadLetters.discard("mastodon:900");
        assertEquals(LedgerState.DISCARDED, entry("mastodon:900").state());
    }

    @Test
    void aReasonLongerThanItsColumnIsCut() {
        intake.receive(List.of(IntakeTest.tweet("60", ALICE, "@acme hi", null, "60")));
        db.writing(em -> em.find(LedgerEntry.class, "x:60").deadLetter("x".repeat(5000), clock.instant()));
        assertEquals(org.socialcarebridge.persistence.ColumnText.ERROR_LENGTH, entry("x:60").lastError().length());
    }
}
