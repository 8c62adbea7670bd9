package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.HostBusyException;
import org.socialcarebridge.host.HostCustomer;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.HostUnavailableException;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.NewTicket;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.TicketState;
import org.socialcarebridge.persistence.Database;

/**
 * Conversations filed concurrently (issue 17): each conversation's messages reach its ticket in ledger
 * order, whatever the help desk's timing; busy answers slow filing down, an outage stops it, a refusal
 * costs only its message.
 */
class ConcurrentFilingTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    final Database db = TestDatabase.open();
    final JitteryHost host = new JitteryHost();
    final Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), Clock.systemUTC());

    /**
     * A help desk that answers after a random pause, one request at a time inside (RecordingHost is not
     * thread-safe), so concurrent filing threads interleave as they would against RT.
     */
    static class JitteryHost extends RecordingHost {
        /** Post ids answered busy once, on opening or adding them. */
        final Set<String> busyOnce = ConcurrentHashMap.newKeySet();
        /** Post ids whose ticket RT refuses to open. */
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        /** After this many writes, the help desk is down. */
        volatile int downAfter = Integer.MAX_VALUE;
        final AtomicInteger writes = new AtomicInteger();
        volatile CyclicBarrier together;

        private static void jitter() {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write(String postId) {
            CyclicBarrier barrier = together;
            if (barrier != null) {
                try {
                    barrier.await(30, TimeUnit.SECONDS); // only passes when another conversation is being filed at once
                } catch (Exception e) {
                    throw new IllegalStateException("no second conversation was filed at the same time", e);
                }
            }
            if (writes.incrementAndGet() > downAfter) {
                throw HostUnavailableException.notReached("RT is down (test)", null);
            }
            if (busyOnce.remove(postId)) {
                throw new HostBusyException("RT answered 429 (test)", Duration.ZERO);
            }
            if (refused.contains(postId)) {
                throw new HostRejectedException("RT refused " + postId + " (test)");
            }
        }

        @Override
        public HostCustomer customerFor(SocialIdentity identity) {
            jitter();
            synchronized (this) {
                return super.customerFor(identity);
            }
        }

        @Override
        public boolean valuedCustomer(HostCustomer customer) {
            synchronized (this) {
                return super.valuedCustomer(customer);
            }
        }

        @Override
        public long openTicket(NewTicket ticket) {
            jitter();
            write(ticket.messageFields().get(MessageField.POST_ID));
            synchronized (this) {
                return super.openTicket(ticket);
            }
        }

        @Override
        public void addCustomerMessage(long ticketId, String content, Map<MessageField, String> fields) {
            jitter();
            write(fields.get(MessageField.POST_ID));
            synchronized (this) {
                super.addCustomerMessage(ticketId, content, fields);
            }
        }

        @Override
        public TicketState ticketState(long ticketId) {
            jitter();
            synchronized (this) {
                return super.ticketState(ticketId);
            }
        }

        @Override
        public Optional<Long> ticketForConversation(String conversationKey) {
            synchronized (this) {
                return super.ticketForConversation(conversationKey);
            }
        }

        @Override
        public boolean ticketHoldsMessage(long ticketId, String postKey) {
            synchronized (this) {
                return super.ticketHoldsMessage(ticketId, postKey);
            }
        }

        @Override
        public void setTicketFields(long ticketId, Map<TicketField, String> fields) {
            synchronized (this) {
                super.setTicketFields(ticketId, fields);
            }
        }

        @Override
        public void comment(long ticketId, String text) {
            synchronized (this) {
                super.comment(ticketId, text);
            }
        }

        synchronized List<String> onTicket(long ticketId) {
            return List.copyOf(messages.getOrDefault(ticketId, List.of()));
        }

        /** The ticket whose first message is this post. */
        synchronized long ticketOf(String postId) {
            return messages.entrySet().stream().filter(e -> e.getValue().get(0).equals(postId)).findFirst().orElseThrow().getKey();
        }
    }

    @AfterEach
    void close() {
        intake.close();
        db.close();
    }

    static SocialIdentity person(int n) {
        return new SocialIdentity(Network.X, String.valueOf(5000 + n), "user" + n, "User " + n, null, 10, false);
    }

    static InboundMessage post(long id, SocialIdentity author, Long inReplyTo, long conversation) {
        return new InboundMessage(Network.X, String.valueOf(id), author, "@acme my order " + id + " never arrived",
                T0.plusSeconds(id), inReplyTo == null ? null : String.valueOf(inReplyTo), String.valueOf(conversation),
                Visibility.PUBLIC, "https://x.com/status/" + id);
    }

    static InboundMessage dm(long id, SocialIdentity author) {
        return new InboundMessage(Network.X, String.valueOf(id), author, "it is order " + id + ", please help",
                T0.plusSeconds(id), null, "1000-" + author.accountId(), Visibility.PRIVATE, null);
    }

    /** {@code conversations} threads of {@code length} posts each, written in turns, so the ledger interleaves them. */
    List<List<String>> interleaved(int conversations, int length) {
        List<List<String>> expected = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            expected.add(new ArrayList<>());
        }
        List<InboundMessage> all = new ArrayList<>();
        for (int turn = 0; turn < length; turn++) {
            for (int c = 0; c < conversations; c++) {
                long id = 10_000 + turn * 100L + c;
                long root = 10_000 + c;
                all.add(post(id, person(c), turn == 0 ? null : id - 100, root));
                expected.get(c).add(String.valueOf(id));
            }
        }
        intake.receive(all);
        return expected;
    }

    /** {@code conversations} threads of {@code length} posts each, one thread's posts after the other's: a burst each. */
    List<List<String>> bursts(int conversations, int length) {
        List<List<String>> expected = new ArrayList<>();
        List<InboundMessage> all = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            List<String> ids = new ArrayList<>();
            long root = 40_000 + c * 100L;
            for (int i = 0; i < length; i++) {
                all.add(post(root + i, person(c), i == 0 ? null : root + i - 1, root));
                ids.add(String.valueOf(root + i));
            }
            expected.add(ids);
        }
        intake.receive(all);
        return expected;
    }

    void assertFiledInOrder(List<List<String>> expected) {
        for (List<String> conversation : expected) {
            assertEquals(conversation, host.onTicket(host.ticketOf(conversation.get(0))), "one ticket, in the order written");
        }
        assertEquals(expected.size(), host.messages.size(), "one ticket per conversation");
    }

    @Test
    void eachConversationsMessagesReachItsTicketInOrderWhateverTheHostsTiming() {
        intake.fileAtPace(new FilingPace(8, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        List<List<String>> expected = interleaved(40, 5);
        Intake.FilingReport report = intake.filePending(500);
        assertEquals(new Intake.FilingReport(200, 0, 0, null), report);
        assertFiledInOrder(expected);
    }

    @Test
    void aBurstOfOneConversationIsFiledInOrderWhileOtherConversationsAreFiled() {
        intake.fileAtPace(new FilingPace(8, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        List<List<String>> expected = bursts(30, 6);
        assertEquals(new Intake.FilingReport(180, 0, 0, null), intake.filePending(500));
        assertFiledInOrder(expected);
    }

    @Test
    void conversationsAreFiledAtTheSameTimeUpToThePace() {
        intake.fileAtPace(new FilingPace(2, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        host.together = new CyclicBarrier(2); // each ticket opens only while the other is being opened
        interleaved(2, 1);
        assertEquals(new Intake.FilingReport(2, 0, 0, null), intake.filePending(10));
    }

    @Test
    void aCustomersDirectMessageFollowsTheirPublicMentionOfTheSamePassOntoItsTicket() {
        intake.fileAtPace(new FilingPace(8, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        List<List<String>> others = interleaved(20, 2);
        SocialIdentity alice = person(99);
        intake.receive(List.of(post(20_001, alice, null, 20_001), dm(20_002, alice), dm(20_003, alice)));
        Intake.FilingReport report = intake.filePending(500);
        assertEquals(43, report.filed(), report.toString());
        assertEquals(List.of("20001", "20002", "20003"), host.onTicket(host.ticketOf("20001")),
                "the DM joins the conversation the customer started a moment before, in order");
        for (List<String> c : others) {
            assertEquals(c, host.onTicket(host.ticketOf(c.get(0))));
        }
    }

    @Test
    void aReplyInSomeoneElsesThreadJoinsThatThreadInOrder() {
        intake.fileAtPace(new FilingPace(8, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        SocialIdentity alice = person(1);
        SocialIdentity bob = person(2);
        intake.receive(List.of(post(30_001, alice, null, 30_001), post(30_002, bob, 30_001L, 30_001),
                post(30_003, alice, 30_002L, 30_001), dm(30_004, bob)));
        assertEquals(4, intake.filePending(10).filed());
        assertEquals(List.of("30001", "30002", "30003", "30004"), host.onTicket(host.ticketOf("30001")));
    }

    @Test
    void aBusyHostHalvesThePaceAndItsMessageWaitsInOrderNeverADeadLetter() {
        FilingPace pace = new FilingPace(8, FilingPace.SLOW_AFTER, Clock.systemUTC());
        intake.fileAtPace(pace);
        List<List<String>> expected = interleaved(10, 3);
        String busy = expected.get(3).get(1); // the second message of one conversation
        host.busyOnce.add(busy);
        Intake.FilingReport first = intake.filePending(500);
        assertNull(first.error(), "busy is no outage");
        assertEquals(0, first.deadLettered());
        assertTrue(first.waiting() >= 2, "it and the next of its conversation wait: " + first);
        assertEquals(30, first.filed() + first.waiting(), first.toString());
        assertEquals(LedgerState.RECEIVED, state("x:" + busy));
        assertEquals(LedgerState.RECEIVED, state("x:" + expected.get(3).get(2)), "never overtakes the waiting one");

        int filed = first.filed();
        for (int pass = 0; pass < 10 && filed < 30; pass++) {
            Intake.FilingReport next = intake.filePending(500);
            assertEquals(0, next.deadLettered());
            filed += next.filed();
        }
        assertEquals(30, filed);
        assertFiledInOrder(expected);
    }

    @Test
    void afterABusyAnswerNoNewConversationStartsInThatPass() {
        intake.fileAtPace(FilingPace.single(Clock.systemUTC())); // one at a time: which come after is certain
        List<List<String>> expected = interleaved(5, 1);
        host.busyOnce.add(expected.get(1).get(0));
        Intake.FilingReport first = intake.filePending(10);
        assertEquals(new Intake.FilingReport(1, 0, 4, null), first, "the busy help desk was asked once, not once per conversation");
        assertEquals(2, host.writes.get());
        assertEquals(new Intake.FilingReport(4, 0, 0, null), intake.filePending(10));
        assertFiledInOrder(expected);
    }

    @Test
    void thePaceHalvesOnceARoundOnBusyAndSlowAnswersAndGrowsBackByOneARound() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(T0);
        FilingPace pace = new FilingPace(8, Duration.ofSeconds(5), clock);
        pace.busy(Duration.ZERO);
        assertEquals(4, pace.current());
        pace.busy(Duration.ZERO);
        assertTrue(!pace.took(Duration.ofSeconds(10), 2), "two at once: each waits for the other, 5 s each is no sign");
        assertTrue(!pace.took(Duration.ofSeconds(15), 4), "nor at four");
        assertTrue(pace.took(Duration.ofSeconds(16), 8), "over the longest bar, whatever the concurrency");
        assertEquals(4, pace.current(), "the answers of work sent before the cut do not cut again");
        clock.now = clock.now.plus(FilingPace.ROUND);
        assertTrue(!pace.took(Duration.ofSeconds(14), 4), "started at four: judged by four's bar, not the current one");
        assertEquals(4, pace.current());
        assertTrue(pace.took(Duration.ofSeconds(11), 2));
        assertEquals(2, pace.current(), "a new round's slow answer halves");
        assertEquals(Duration.ofSeconds(5), pace.slowAt(1));
        assertEquals(FilingPace.LONGEST, pace.slowAt(32), "at most half RT's answer timeout");
        clock.now = clock.now.plus(FilingPace.ROUND);
        pace.busy(Duration.ZERO);
        clock.now = clock.now.plus(FilingPace.ROUND);
        pace.busy(Duration.ZERO);
        assertEquals(1, pace.current(), "never below one");
        pace.clean();
        assertEquals(2, pace.current(), "a round at one is one conversation");
        pace.clean();
        assertEquals(2, pace.current(), "at two, a round is two conversations: additive, not doubling");
        pace.clean();
        assertEquals(3, pace.current());
        for (int i = 0; i < 100; i++) {
            pace.clean();
        }
        assertEquals(8, pace.current(), "never above the setting");
        assertTrue(!pace.resting());
        clock.now = clock.now.plus(FilingPace.ROUND);
        pace.busy(Duration.ofSeconds(30));
        assertTrue(pace.resting(), "RT's Retry-After is honoured");
        clock.now = clock.now.plusSeconds(31);
        assertTrue(!pace.resting());
    }

    @Test
    void whileTheHostAsksForAPauseNothingIsSent() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(T0);
        FilingPace pace = new FilingPace(4, FilingPace.SLOW_AFTER, clock);
        intake.fileAtPace(pace);
        interleaved(3, 1);
        pace.busy(Duration.ofSeconds(10));
        assertEquals(new Intake.FilingReport(0, 0, 0, null), intake.filePending(10));
        assertEquals(0, host.writes.get());
        clock.now = clock.now.plusSeconds(11);
        assertEquals(3, intake.filePending(10).filed());
    }

    @Test
    void anOutageMidPassLeavesEverythingNotFiledWaitingAndNothingDead() {
        intake.fileAtPace(new FilingPace(4, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        List<List<String>> expected = interleaved(12, 3);
        host.downAfter = 10;
        Intake.FilingReport report = intake.filePending(500);
        assertNotNull(report.error(), report.toString());
        assertEquals(0, report.deadLettered());
        assertEquals(36, report.filed() + report.waiting(), "the sums add up: " + report);
        assertEquals(report.waiting(), count(LedgerState.RECEIVED), "what the report says waits, waits");
        assertTrue(report.filed() <= 10, report.toString());

        host.downAfter = Integer.MAX_VALUE;
        Intake.FilingReport after = intake.filePending(500);
        assertEquals(report.waiting(), after.filed(), after.toString());
        assertFiledInOrder(expected);
    }

    @Test
    void aDeadLetterInOneConversationDoesNotStopTheOthers() {
        intake.fileAtPace(new FilingPace(4, FilingPace.SLOW_AFTER, Clock.systemUTC()));
        List<List<String>> expected = interleaved(8, 2);
        String refused = expected.get(5).get(0);
        host.refused.add(refused);
        Intake.FilingReport report = intake.filePending(500);
        assertEquals(new Intake.FilingReport(15, 1, 0, null), report);
        assertEquals(LedgerState.DEAD_LETTER, state("x:" + refused));
        for (int c = 0; c < expected.size(); c++) {
            if (c != 5) {
                assertEquals(expected.get(c), host.onTicket(host.ticketOf(expected.get(c).get(0))));
            }
        }
        assertEquals(List.of(expected.get(5).get(1)), host.onTicket(host.ticketOf(expected.get(5).get(1))),
                "the conversation's next message is filed as before concurrency: on a ticket of its own");
    }

    @Test
    void aFilingConcurrencyOutsideOneToThirtyTwoIsRefusedWithTheRange() {
        for (int wrong : new int[] {0, 33, -4}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new FilingPace(wrong, FilingPace.SLOW_AFTER, Clock.systemUTC()));
            assertTrue(e.getMessage().contains(String.valueOf(wrong)) && e.getMessage().contains("1 to 32"), e.getMessage());
        }
    }

    LedgerState state(String key) {
        return db.read(em -> em.find(LedgerEntry.class, key).state());
    }

    @Test
    void aReplyDeliveredBeforeThePostItAnswersWaitsForItThenForNoMoreThanItsPatience() {
        org.socialcarebridge.MovableClock clock = new org.socialcarebridge.MovableClock(T0);
        Intake paced = new Intake(db, host, host, Set.of(), Duration.ofDays(7), clock);
        try {
            paced.fileAtPace(new FilingPace(4, FilingPace.SLOW_AFTER, clock));
            SocialIdentity ana = person(1);
            paced.receive(List.of(post(70_001, ana, null, 70_001)));
            assertEquals(1, paced.filePending(50).filed());
            // Parts 3 and 4 come first, newest first, as a webhook's reordered deliveries do.
            paced.receive(List.of(post(70_004, ana, 70_003L, 70_001), post(70_003, ana, 70_002L, 70_001)));
            assertEquals(new Intake.FilingReport(0, 0, 2, null), paced.filePending(50), "they wait for part 2");
            paced.receive(List.of(post(70_002, ana, 70_001L, 70_001)));
            assertEquals(3, paced.filePending(50).filed());
            assertEquals(List.of("70001", "70002", "70003", "70004"), host.onTicket(host.ticketOf("70001")));

            // A reply whose parent never comes is filed once its patience is over.
            paced.receive(List.of(post(70_010, ana, 70_009L, 70_001)));
            assertEquals(0, paced.filePending(50).filed());
            clock.now = clock.now.plus(Intake.PARENT_PATIENCE).plusSeconds(1);
            assertEquals(1, paced.filePending(50).filed());
            assertEquals("70010", host.onTicket(host.ticketOf("70001")).get(4));
        } finally {
            paced.close();
        }
    }

    long count(LedgerState state) {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.state = :s", Long.class)
                .setParameter("s", state).getSingleResult());
    }
}
