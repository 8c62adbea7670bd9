package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.delivery.UnconfirmedPost;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.persistence.Database;

class OutboxTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);

    /** A network double that fails as scripted, then posts. */
    static class ScriptedNetwork implements NetworkClient {
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        final List<String> posted = new ArrayList<>();
        final List<String> idempotencyKeys = new ArrayList<>();

        @Override
        public Network network() {
            return Network.X;
        }

        /** Fails the call with this number (1 = the first) once, whatever the failures queue says. */
        int failCall;
        RuntimeException failWith;
        private int calls;

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            idempotencyKeys.add(idempotencyKey);
            if (++calls == failCall) {
                throw failWith;
            }
            return post(post.visibility() == ReplyVisibility.PUBLIC
                    ? "public:" + post.inReplyToMessageId() + ":" + post.text()
                    : post.answersCommentPrivately() ? "private-reply:" + post.inReplyToMessageId() + ":" + post.text()
                    : "dm:" + post.recipientAccountId() + (post.tag() == null ? "" : "[" + post.tag() + "]") + ":" + post.text());
        }

        private PostedMessage post(String what) {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            posted.add(what);
            String id = String.valueOf(900 + posted.size());
            if (acceptThenFail > 0) {
                acceptThenFail--;
                throw new NetworkUnavailableException("X answered 503 after taking the post");
            }
            return new PostedMessage(id, "https://x.com/acme/status/" + id);
        }

        /** How many of the next posts the network takes and then answers 503 (X has no idempotency key). */
        int acceptThenFail;
        /** Thrown by every look-up while set. */
        RuntimeException lookupFailure;
        final List<Instant> lookups = new ArrayList<>();

        /** Like X's timeline: every post on the network with these words in this thread (or to this recipient). */
        @Override
        public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
            lookups.add(since);
            if (lookupFailure != null) {
                throw lookupFailure;
            }
            String what = post.visibility() == ReplyVisibility.PUBLIC
                    ? "public:" + post.inReplyToMessageId() + ":" + post.text()
                    : "dm:" + post.recipientAccountId() + ":" + post.text();
            List<PostedMessage> found = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                if (posted.get(i).equals(what)) {
                    String id = String.valueOf(901 + i);
                    found.add(new PostedMessage(id, "https://x.com/acme/status/" + id));
                }
            }
            return found;
        }
    }


    final RecordingHost host = new RecordingHost();
    final ScriptedNetwork x = new ScriptedNetwork();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    Database db;
    Outbox outbox;

    @BeforeEach
    void conversationOnTicketOne() {
        db = TestDatabase.open();
        Intake intake = new Intake(db, host, host, Set.of(), java.time.Duration.ofDays(7), clock);
        intake.receive(List.of(new InboundMessage(Network.X, "10", ALICE, "@acme help", clock.instant(), null, "10",
                Visibility.PUBLIC, null)));
        intake.filePending(10);
        outbox = new Outbox(db, host, host, host, Map.of(Network.X, x), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(), new ReplyApproval(0),
                AgentGroups.DEFAULT, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void agentReplies(long txn, String text, ReplyVisibility v) {
        host.replies.put(txn, new AgentReply(1, txn, "agent", text, v));
    }

    @Test
    void publicReplyIsPostedOnceAndWrittenBack() {
        agentReplies(100, "Sorry! Looking now.", ReplyVisibility.PUBLIC);
        assertTrue(outbox.accept(100));
        assertFalse(outbox.accept(100), "a second notification of the same transaction is ignored");
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice Sorry! Looking now."), x.posted);
        assertEquals("901", host.deliveries.get(100L).get(MessageField.POST_ID));
        assertTrue(host.deliveries.get(100L).get(MessageField.DELIVERY).startsWith("posted "));
        LedgerEntry echo = db.read(em -> em.find(LedgerEntry.class, "x:901"));
        assertEquals(LedgerEntry.Direction.OUTBOUND, echo.direction());
        assertEquals(1L, echo.ticketId());
    }

    @Test
    void moveToPrivatePostsTheAcknowledgementThenTheDirectMessageEachOnceEvenAcrossAFailure() {
        agentReplies(110, "Could you DM me the order number?", ReplyVisibility.TO_PRIVATE);
        outbox.accept(110);
        // The acknowledgement goes out; the network fails the direct message once.
        x.failCall = 2;
        x.failWith = new org.socialcarebridge.channel.NetworkUnavailableException("X answered 503");
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice We want to fix this. We've sent you a DM."), x.posted.subList(0, 1));
        assertEquals(1, x.posted.size(), "only the acknowledgement so far");
        clock.now = clock.now.plusSeconds(600);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice We want to fix this. We've sent you a DM.",
                "dm:2001:Could you DM me the order number?"), x.posted, "the acknowledgement is never posted twice");
        assertEquals(List.of("socialcare-reply-110", "socialcare-reply-110-2", "socialcare-reply-110-2"), x.idempotencyKeys);
        assertEquals("901 902", host.deliveries.get(110L).get(MessageField.POST_ID));
    }

    @Test
    void aReplyNeedingApprovalPostsNothingUntilALeadApprovesThenPostsOnce() {
        host.replies.put(120L, new AgentReply(1, 120, "newhire", "We'll refund you today", ReplyVisibility.PUBLIC, false, true));
        outbox.accept(120);
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty(), "nothing is posted without its approval");
        assertTrue(host.deliveries.get(120L).get(MessageField.DELIVERY).startsWith("held for approval: replies of newhire"),
                host.deliveries.toString());
        assertTrue(host.comments.get(1L).get(0).contains("held until a supervisor approves it"), host.comments.toString());
        assertTrue(host.comments.get(1L).get(0).contains("(replies of newhire need approval (group Social Approval Needed))."
                + " A member of Social Team Leads sets Social Approval to Approve to post it, or to Reject with the reason"
                + " in Social Approval Note;"), "in the desk's terms: " + host.comments);
        assertEquals(1, outbox.heldForApproval());

        host.fieldChanges.add(new org.socialcarebridge.host.FieldChange(500, 1, TicketField.APPROVAL, "Approve", "lead"));
        ReplyApprovals approvals = new ReplyApprovals(db, host, host, outbox, clock);
        approvals.readFromDesk(); // a fresh install starts at the newest transaction: RecordingHost's is 120
        host.fieldChanges.add(new org.socialcarebridge.host.FieldChange(501, 1, TicketField.APPROVAL, "Approve", "lead"));
        assertEquals(1, approvals.readFromDesk());
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice We'll refund you today"), x.posted);
        assertNull(host.ticketFields.get(1L).get(TicketField.APPROVAL), "cleared, so the next held reply needs its own approval");
        assertEquals(0, outbox.heldForApproval());
        assertEquals(0, approvals.readFromDesk(), "each decision once");
        assertEquals(1, x.posted.size());
    }

    @Test
    void anApprovalReleasesOnlyTheRepliesWrittenBeforeItAndALaterReplyWaitsForTheNextOne() {
        host.replies.put(160L, new AgentReply(1, 160, "newhire", "We'll refund you today", ReplyVisibility.PUBLIC, false, true));
        outbox.accept(160);
        outbox.deliverDue(10);
        ReplyApprovals approvals = new ReplyApprovals(db, host, host, outbox, clock);
        approvals.readFromDesk(); // a fresh install starts at the newest transaction: 160
        // The lead approves in transaction 170; the new hire then changes their mind in a reply the lead never saw,
        // and it is held before the plugin reads the approval.
        host.fieldChanges.add(new org.socialcarebridge.host.FieldChange(170, 1, TicketField.APPROVAL, "Approve", "lead"));
        host.replies.put(175L, new AgentReply(1, 175, "newhire", "Actually, no refund for you", ReplyVisibility.PUBLIC, false, true));
        outbox.accept(175);
        outbox.deliverDue(10);
        assertEquals(2, outbox.heldForApproval());

        assertEquals(1, approvals.readFromDesk());
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice We'll refund you today"), x.posted, "only what the lead could have read");
        assertEquals(1, outbox.heldForApproval(1));
        assertTrue(host.deliveries.get(175L).get(MessageField.DELIVERY).startsWith("held for approval"), host.deliveries.toString());
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("1 replies written after it stay held until the next decision")),
                host.comments.toString());

        host.fieldChanges.add(new org.socialcarebridge.host.FieldChange(180, 1, TicketField.APPROVAL, "Approve", "lead"));
        assertEquals(1, approvals.readFromDesk());
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice We'll refund you today", "public:10:@alice Actually, no refund for you"), x.posted);
        assertEquals(0, outbox.heldForApproval());
    }

    @Test
    void aRejectionRefusesOnlyTheRepliesWrittenBeforeIt() {
        host.replies.put(161L, new AgentReply(1, 161, "agent", "Our lawyers say no", ReplyVisibility.PUBLIC, true, false));
        host.replies.put(171L, new AgentReply(1, 171, "agent", "We are looking into it", ReplyVisibility.PUBLIC, true, false));
        outbox.accept(161);
        outbox.accept(171);
        outbox.deliverDue(10);
        assertEquals(1, outbox.reject(1, "lead", "no lawyers", 170));
        outbox.deliverDue(10);
        assertEquals("refused: rejected by lead: no lawyers", host.deliveries.get(161L).get(MessageField.DELIVERY));
        assertEquals(1, outbox.heldForApproval(1), "the reply written after the rejection waits for its own decision");
        assertEquals(0, outbox.approve(1, "lead", 171), "nor does an approval in the same transaction cover it");
        assertEquals(1, outbox.approve(1, "lead", 172));
    }

    @Test
    void aReplyRejectedWhileItsHoldIsBeingShownHasTheRejectionShownToo() {
        host.replies.put(162L, new AgentReply(1, 162, "agent", "Our lawyers say no", ReplyVisibility.PUBLIC, true, false));
        outbox.accept(162);
        // The lead rejects it between the hold reaching the ticket and the row being marked shown.
        host.afterComment = text -> {
            if (text.contains("162")) {
                host.afterComment = t -> { };
                assertEquals(1, outbox.reject(1, "lead", "no lawyers", 170));
            }
        };
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty(), x.posted.toString());
        assertEquals("refused: rejected by lead: no lawyers", host.deliveries.get(162L).get(MessageField.DELIVERY),
                host.deliveries.toString());
    }

    @Test
    void aReplyBySomeoneOutsideTheAgentGroupsStaysInTheHelpDeskWithOneCommentAndIsNeverRetried() {
        // The customer answered the ticket's notification e-mail: RT records it as correspondence by them.
        host.replies.put(150L, new AgentReply(1, 150, "x:2001", "any news??", null));
        assertTrue(outbox.accept(150));
        for (int i = 0; i < 3; i++) {
            outbox.deliverDue(10);
            clock.now = clock.now.plus(Duration.ofMinutes(10));
        }
        assertFalse(outbox.accept(150), "once per transaction");
        assertTrue(x.posted.isEmpty(), "nobody but an agent speaks for the brand");
        assertEquals(1, host.calls.stream().filter("memberOf"::equals).count(), "refused once and for good");
        String delivery = host.deliveries.get(150L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("refused: x:2001 is not a member of Social Agents or Social Team Leads"
                + " (agentGroups in etc/org.socialcarebridge.reply.cfg)"), delivery);
        assertEquals(1, host.comments.get(1L).size(), host.comments.toString());
        assertTrue(host.comments.get(1L).get(0).contains("NOT delivered")
                && host.comments.get(1L).get(0).contains("If x:2001 is an agent, add them to one of those groups"), host.comments.toString());
    }

    @Test
    void theAgentGroupsAreTheSettingsNotTheDefaultOnes() {
        host.groups.put("Brand Voice", new java.util.HashSet<>(Set.of("pr")));
        Outbox brand = new Outbox(db, host, host, host, Map.of(Network.X, x), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(), new ReplyApproval(0),
                new AgentGroups(List.of("Brand Voice")), clock);
        host.replies.put(152L, new AgentReply(1, 152, "pr", "We hear you", ReplyVisibility.PUBLIC));
        host.replies.put(153L, new AgentReply(1, 153, "agent", "Me too", ReplyVisibility.PUBLIC));
        brand.accept(152);
        brand.accept(153);
        brand.deliverDue(10);
        assertEquals(List.of("public:10:@alice We hear you"), x.posted);
        assertTrue(host.deliveries.get(153L).get(MessageField.DELIVERY).startsWith("refused: agent is not a member of Brand Voice ("),
                host.deliveries.toString());
    }

    @Test
    void whileTheHelpDeskCannotSayWhetherTheAuthorIsAnAgentTheReplyIsHeldCommentedOnceAndPostedWhenItCan() {
        agentReplies(151, "On it", ReplyVisibility.PUBLIC);
        outbox.accept(151);
        host.failing.add("memberOf");
        for (int i = 0; i < 3; i++) {
            outbox.deliverDue(10);
            clock.now = clock.now.plus(Duration.ofMinutes(2));
        }
        assertTrue(x.posted.isEmpty(), "never posted on doubt");
        assertEquals(3, host.calls.stream().filter("memberOf"::equals).count(), "asked again later");
        String delivery = host.deliveries.get(151L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("held, author unverified: could not tell whether agent is a member of Social Agents or"
                + " Social Team Leads (agentGroups in etc/org.socialcarebridge.reply.cfg): RT is down (test)"), delivery);
        assertEquals(1, host.comments.get(1L).size(), "one comment, not one per try: " + host.comments);
        assertTrue(host.comments.get(1L).get(0).contains("is held, not posted"), host.comments.toString());
        assertEquals(1, outbox.size(), "still on its way");

        host.failing.clear();
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice On it"), x.posted);
        assertTrue(host.deliveries.get(151L).get(MessageField.DELIVERY).startsWith("posted "));
    }

    @Test
    void aGroupTheHelpDeskDoesNotHaveHoldsTheRepliesOfEveryoneNotInTheOthers() {
        Outbox typo = new Outbox(db, host, host, host, Map.of(Network.X, x), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(), new ReplyApproval(0),
                new AgentGroups(List.of("Social Agents", "Social Team Laeds")), clock);
        host.replies.put(154L, new AgentReply(1, 154, "agent", "Fixed", ReplyVisibility.PUBLIC));
        host.replies.put(155L, new AgentReply(1, 155, "lead", "Fixed too", ReplyVisibility.PUBLIC));
        typo.accept(154);
        typo.accept(155);
        typo.deliverDue(10);
        assertEquals(List.of("public:10:@alice Fixed"), x.posted);
        String delivery = host.deliveries.get(155L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("held, author unverified: ") && delivery.contains("Social Team Laeds"), delivery);
    }

    @Test
    void aRejectedReplyIsNeverPostedAndTheAgentReadsWhy() {
        host.replies.put(121L, new AgentReply(1, 121, "agent", "Our lawyers say no", ReplyVisibility.PUBLIC, true, false));
        outbox.accept(121);
        outbox.deliverDue(10);
        host.ticketFields.computeIfAbsent(1L, k -> new java.util.HashMap<>()).put(TicketField.APPROVAL_NOTE, "Don't mention lawyers; say we are looking into it");
        assertEquals(1, outbox.reject(1, "lead", host.ticketField(1, TicketField.APPROVAL_NOTE).orElse(null), 500));
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        assertEquals("refused: rejected by lead: Don't mention lawyers; say we are looking into it",
                host.deliveries.get(121L).get(MessageField.DELIVERY));
    }

    @Test
    void privateRepliesAreNeverHeldAndSpotChecksHoldTheirShare() {
        host.replies.put(122L, new AgentReply(1, 122, "newhire", "Your order number please", ReplyVisibility.PRIVATE, true, true));
        outbox.accept(122);
        outbox.deliverDue(10);
        assertEquals(List.of("dm:2001:Your order number please"), x.posted);

        ReplyApproval all = new ReplyApproval(100);
        ReplyApproval none = new ReplyApproval(0);
        ReplyApproval fifth = new ReplyApproval(20);
        int held = 0;
        for (long txn = 1; txn <= 10_000; txn++) {
            AgentReply r = new AgentReply(1, txn, "agent", "hi", ReplyVisibility.PUBLIC);
            assertTrue(all.holdReason(r, host).isPresent());
            assertTrue(none.holdReason(r, host).isEmpty());
            held += fifth.holdReason(r, host).isPresent() ? 1 : 0;
        }
        assertTrue(held > 1_800 && held < 2_200, held + " of 10,000 held at 20%");
        assertEquals(fifth.holdReason(new AgentReply(1, 77, "a", "b", null), host),
                fifth.holdReason(new AgentReply(1, 77, "a", "b", null), host),
                "the same reply is picked again after a restart");
    }

    @Test
    void aCardNumberInAPublicReplyIsBlockedAndNothingReachesTheNetwork() {
        agentReplies(130, "Refunded to card 4111-1111-1111-1111", ReplyVisibility.PUBLIC);
        outbox.accept(130);
        outbox.deliverDue(10);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        String delivery = host.deliveries.get(130L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("blocked by guard: The public reply contains a card number"), delivery);
        assertTrue(host.comments.get(1L).get(0).contains("NOT delivered"), host.comments.toString());
    }

    @Test
    void aNumberedThreadChainsEachPartToTheOneBefore() {
        Outbox threads = new Outbox(db, host, host, host, Map.of(Network.X, x), new ReplyPolicy(SampleChannels.BOTH, new org.socialcarebridge.reply.guard.SensitiveDataGuard(
                org.socialcarebridge.reply.guard.GuardSettings.defaults()), Signature.of(Signature.OFF), MoveToPrivate.standard(), 4),
                RetrySchedule.standard(), new ReplyApproval(0), AgentGroups.DEFAULT, clock);
        agentReplies(131, "We checked your order and the courier has it now. ".repeat(10).strip(), ReplyVisibility.PUBLIC);
        threads.accept(131);
        threads.deliverDue(10);
        assertTrue(x.posted.size() >= 2, x.posted.toString());
        assertTrue(x.posted.get(0).startsWith("public:10:@alice "), x.posted.get(0));
        for (int i = 1; i < x.posted.size(); i++) {
            assertTrue(x.posted.get(i).startsWith("public:" + (900 + i) + ":"), "part " + (i + 1) + " answers part " + i + ": " + x.posted.get(i));
        }
    }

    @Test
    void aReplyOvertakenByTheCustomerOrAnotherAgentIsHeldAndNothingIsPosted() {
        host.overtaking.put(1L, List.of("the customer wrote again (transaction #140)"));
        host.replies.put(141L, new AgentReply(1, 141, "agent", "Your refund is on its way", ReplyVisibility.PUBLIC, false, false,
                null, 139L));
        outbox.accept(141);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty(), "no stale answer");
        String delivery = host.deliveries.get(141L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("held for collision: since you opened the ticket, the customer wrote again (transaction #140)"),
                delivery);
        assertTrue(host.comments.get(1L).get(0).contains("held for collision"), host.comments.toString());

        // A reply sent after seeing everything goes out.
        host.replies.put(142L, new AgentReply(1, 142, "agent", "Sorry, refund sent now", ReplyVisibility.PUBLIC, false, false, null, 141L));
        host.overtaking.clear();
        outbox.accept(142);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice Sorry, refund sent now"), x.posted);
    }

    @Test
    void privateReplyBecomesADirectMessage() {
        agentReplies(101, "Please send your order number", ReplyVisibility.PRIVATE);
        outbox.accept(101);
        outbox.deliverDue(10);
        assertEquals(List.of("dm:2001:Please send your order number"), x.posted);
    }

    @Test
    void onAMessengerLikeNetworkACommentGetsOnePrivateReplyAndTheNextIsRefusedWithAComment() {
        Outbox messenger = new Outbox(db, host, host, host, Map.of(Network.X, x),
                new ReplyPolicy(org.socialcarebridge.channel.Channels.of(MadeUpChannelsTest.MESSENGER_LIKE),
                        new org.socialcarebridge.reply.guard.SensitiveDataGuard(org.socialcarebridge.reply.guard.GuardSettings
                                .defaults()), Signature.of(Signature.OFF), MoveToPrivate.standard(), 1, Map.of(), clock),
                RetrySchedule.standard(), new ReplyApproval(0), AgentGroups.DEFAULT, clock);
        clock.now = clock.now.plus(java.time.Duration.ofDays(2));
        agentReplies(120, "Which order is it?", ReplyVisibility.PRIVATE);
        messenger.accept(120);
        messenger.deliverDue(10);
        assertEquals(List.of("private-reply:10:Which order is it?"), x.posted, "the comment's one private reply");
        assertEquals("x:2001 @alice", host.deliveries.get(120L).get(MessageField.RECIPIENT));

        agentReplies(121, "And the address?", ReplyVisibility.PRIVATE);
        messenger.accept(121);
        messenger.deliverDue(10);
        assertEquals(1, x.posted.size(), "nothing more reached the network");
        assertTrue(host.deliveries.get(121L).get(MessageField.DELIVERY).startsWith("refused"),
                host.deliveries.get(121L).toString());
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("was NOT delivered")
                && c.contains("their comment 10 was already answered privately")), host.comments.toString());
    }

    @Test
    void rateLimitWaitsForTheResetThenPostsOnce() {
        agentReplies(102, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(102);
        Instant reset = clock.now.plusSeconds(60);
        x.failures.add(new RateLimitedException("429 Too Many Requests", reset));
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        clock.now = clock.now.plusSeconds(30);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty(), "no retry before the reset time");
        clock.now = reset.plusSeconds(2);
        outbox.deliverDue(10);
        assertEquals(1, x.posted.size());
        assertEquals(List.of("socialcare-reply-102", "socialcare-reply-102"), x.idempotencyKeys,
                "every attempt at one reply carries the same idempotency key");
    }

    @Test
    void lastFailureBecomesACommentAndIsNeverPostedLater() {
        agentReplies(103, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(103);
        for (int i = 0; i < 10; i++) {
            x.failures.add(new NetworkUnavailableException("503 Service Unavailable"));
        }
        for (int i = 0; i < 10; i++) {
            outbox.deliverDue(10);
            clock.now = clock.now.plus(Duration.ofMinutes(10));
        }
        assertTrue(x.posted.isEmpty());
        assertEquals(6, 10 - x.failures.size(), "gives up after the scheduled attempts");
        assertTrue(host.comments.get(1L).get(0).contains("NOT delivered"), host.comments.toString());
        assertTrue(host.deliveries.get(103L).get(MessageField.DELIVERY).startsWith("failed: 503"));
        assertEquals(1, outbox.failed(), "and counted on the health page");
    }

    @Test
    void tooLongReplyIsRefusedWithACommentAndNothingPosted() {
        agentReplies(104, "y".repeat(300), ReplyVisibility.PUBLIC);
        outbox.accept(104);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        assertTrue(host.comments.get(1L).get(0).contains("limit is 280"), host.comments.toString());
    }

    @Test
    void hostDownDuringWriteBackIsRetriedWithoutPostingAgain() {
        agentReplies(105, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(105);
        host.failing.add("delivery");
        outbox.deliverDue(10);
        assertEquals(1, x.posted.size());
        host.failing.clear();
        outbox.deliverDue(10);
        assertEquals(1, x.posted.size());
        assertEquals("901", host.deliveries.get(105L).get(MessageField.POST_ID));
    }

    Outbox restarted() {
        return new Outbox(db, host, host, host, Map.of(Network.X, x), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(),
                new ReplyApproval(0), AgentGroups.DEFAULT, clock);
    }

    @Test
    void replyInterruptedAfterTheNetworkTookItIsFoundAndRecordedNotReposted() {
        agentReplies(106, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(106);
        db.writing(em -> em.find(OutboxEntry.class, 106L).posting("@alice hello", clock.instant()));
        x.posted.add("public:10:@alice hello"); // the network took it; then the plugin died before recording it
        Outbox afterRestart = restarted();
        assertEquals(1, afterRestart.settleInterrupted());
        afterRestart.deliverDue(10);
        assertEquals(1, x.posted.size(), "looked up, not posted again");
        assertEquals(List.of(clock.instant().minus(UnconfirmedPost.CLOCK_SLACK)), x.lookups, "looked up from the interrupted attempt on");
        assertEquals("901", host.deliveries.get(106L).get(MessageField.POST_ID));
        assertTrue(host.deliveries.get(106L).get(MessageField.DELIVERY).startsWith("posted "));
        assertEquals(LedgerEntry.Direction.OUTBOUND, db.read(em -> em.find(LedgerEntry.class, "x:901")).direction(),
                "its echo is recognised as the brand's own post");
    }

    @Test
    void replyInterruptedBeforeTheNetworkTookItIsPostedOnceAfterTheLookUp() {
        agentReplies(107, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(107);
        db.writing(em -> em.find(OutboxEntry.class, 107L).posting("@alice hello", clock.instant()));
        Outbox afterRestart = restarted();
        afterRestart.settleInterrupted();
        afterRestart.deliverDue(10);
        assertEquals(1, x.lookups.size());
        assertEquals(List.of("public:10:@alice hello"), x.posted);
        assertEquals("901", host.deliveries.get(107L).get(MessageField.POST_ID));
    }

    @Test
    void aPostTheNetworkTookBeforeAnswering503IsFoundNotPostedTwice() {
        agentReplies(108, "Sorry! Looking now.", ReplyVisibility.PUBLIC);
        outbox.accept(108);
        x.acceptThenFail = 1;
        outbox.deliverDue(10);
        assertEquals(DeliveryState.RETRYING, db.read(em -> em.find(OutboxEntry.class, 108L)).state());
        assertTrue(x.lookups.isEmpty(), "the look-up waits for the retry");
        clock.now = clock.now.plusSeconds(60);
        outbox.deliverDue(10);
        assertEquals(List.of("public:10:@alice Sorry! Looking now."), x.posted, "exactly one post on the network");
        assertEquals(1, x.lookups.size());
        assertEquals("901", host.deliveries.get(108L).get(MessageField.POST_ID));
        assertTrue(host.deliveries.get(108L).get(MessageField.DELIVERY).startsWith("posted "));
    }

    @Test
    void aPostTheNetworkNeverTookIsLookedUpThenPostedAgain() {
        agentReplies(109, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(109);
        x.failures.add(new NetworkUnavailableException("X answered 503"));
        outbox.deliverDue(10);
        clock.now = clock.now.plusSeconds(60);
        outbox.deliverDue(10);
        assertEquals(1, x.lookups.size());
        assertEquals(List.of("public:10:@alice hello"), x.posted);
        assertNull(db.read(em -> em.find(OutboxEntry.class, 109L)).unconfirmedSince());
    }

    @Test
    void aFailingLookUpKeepsTheReplyPendingThenMarksItUncertainForAHuman() {
        agentReplies(111, "hello", ReplyVisibility.PUBLIC);
        outbox.accept(111);
        x.acceptThenFail = 1;
        outbox.deliverDue(10);
        x.lookupFailure = new NetworkUnavailableException("X answered 503 to the timeline");
        for (int minute = 0; minute < 29; minute++) {
            clock.now = clock.now.plusSeconds(60);
            outbox.deliverDue(10);
        }
        OutboxEntry waiting = db.read(em -> em.find(OutboxEntry.class, 111L));
        assertEquals(DeliveryState.RETRYING, waiting.state(), "still asking: " + waiting.lastError());
        assertTrue(x.lookups.size() > 1, "asked again on later passes");
        assertEquals(1, x.posted.size(), "never posted blind");
        clock.now = clock.now.plus(UnconfirmedPost.PATIENCE);
        outbox.deliverDue(10);
        assertEquals(DeliveryState.UNCERTAIN, db.read(em -> em.find(OutboxEntry.class, 111L)).state());
        assertEquals(1, x.posted.size());
        assertTrue(host.deliveries.get(111L).get(MessageField.DELIVERY).startsWith("uncertain"));
        assertTrue(host.comments.get(1L).get(0).contains("may or may not have reached the customer"), host.comments.toString());
        assertEquals(1, outbox.failed(), "counted on the health page");
    }

    @Test
    void anEarlierReplyWithTheSameWordsIsNotTakenForThisOne() {
        agentReplies(112, "Thanks!", ReplyVisibility.PUBLIC);
        outbox.accept(112);
        outbox.deliverDue(10);
        agentReplies(113, "Thanks!", ReplyVisibility.PUBLIC);
        outbox.accept(113);
        x.failures.add(new NetworkUnavailableException("X answered 503"));
        outbox.deliverDue(10);
        clock.now = clock.now.plusSeconds(60);
        outbox.deliverDue(10);
        assertEquals(2, x.posted.size(), "the first reply's post is the first reply's");
        assertEquals("902", host.deliveries.get(113L).get(MessageField.POST_ID));
    }

    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 1, false);

    /** Bob, a stranger, answers in Alice's public thread and then writes to the brand privately: both join her ticket. */
    void aStrangerDmsInTheCustomersThread() {
        Intake intake = new Intake(db, host, host, Set.of(), java.time.Duration.ofDays(7), clock);
        intake.receive(List.of(new InboundMessage(Network.X, "11", BOB, "@acme @alice same here", clock.instant(), "10", "10",
                Visibility.PUBLIC, null)));
        intake.filePending(10);
        intake.receive(List.of(new InboundMessage(Network.X, "12", BOB, "hi, what did Alice order?", clock.instant(), null, null,
                Visibility.PRIVATE, null)));
        intake.filePending(10);
        assertEquals(List.of(1L), host.tickets.keySet().stream().toList(), "one ticket: Alice's");
    }

    @Test
    void aStrangersDmInTheCustomersThreadDoesNotMakeThemTheRecipientOfTheNextPrivateReply() {
        aStrangerDmsInTheCustomersThread();
        agentReplies(150, "Alice, your order 42 ships to 1 Main St", null);
        outbox.accept(150);
        outbox.deliverDue(10);
        assertEquals(List.of("dm:2001:Alice, your order 42 ships to 1 Main St"), x.posted,
                "the last message was a DM, so the reply is private (as before), and goes to the ticket's customer, not Bob");
        assertEquals("x:2001 @alice", host.deliveries.get(150L).get(MessageField.RECIPIENT));

        agentReplies(151, "We don't need anything from you", ReplyVisibility.TO_PRIVATE);
        outbox.accept(151);
        outbox.deliverDue(10);
        assertEquals("dm:2001:We don't need anything from you", x.posted.get(2), "Move to private's DM too");
        assertEquals("x:2001 @alice", host.deliveries.get(151L).get(MessageField.RECIPIENT));
    }

    @Test
    void theAgentPicksTheStrangerWithSocialReplyToAndTheTransactionSaysWhoReceivedIt() {
        aStrangerDmsInTheCustomersThread();
        host.replies.put(152L, new AgentReply(1, 152, "agent", "Bob, please open your own case", ReplyVisibility.PRIVATE, false,
                false, null, null, "@bob"));
        outbox.accept(152);
        outbox.deliverDue(10);
        assertEquals(List.of("dm:2002:Bob, please open your own case"), x.posted);
        assertEquals("x:2002 @bob", host.deliveries.get(152L).get(MessageField.RECIPIENT));
    }

    @Test
    void aSocialReplyToNamingSomeoneWhoDidNotWriteHereIsRefusedWithACommentAndNothingIsSent() {
        aStrangerDmsInTheCustomersThread();
        host.replies.put(153L, new AgentReply(1, 153, "agent", "Here are the details", ReplyVisibility.PRIVATE, false, false,
                null, null, "@mallory"));
        outbox.accept(153);
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        String delivery = host.deliveries.get(153L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("refused: Nothing was sent: Social Reply To is '@mallory'"), delivery);
        assertTrue(delivery.contains("@alice (the customer, x:2001), @bob (x:2002)"), delivery);
        assertFalse(host.deliveries.get(153L).containsKey(MessageField.RECIPIENT), "nobody received it");
        assertTrue(host.comments.get(1L).get(0).contains("NOT delivered") && host.comments.get(1L).get(0).contains("'@mallory'"),
                host.comments.toString());
    }

    @Test
    void anOverlongSocialReplyToIsTakenAndRefusedNotLeftToRetry() {
        aStrangerDmsInTheCustomersThread();
        host.replies.put(156L, new AgentReply(1, 156, "agent", "Here are the details", ReplyVisibility.PRIVATE, false, false,
                null, null, "@bob" + " ".repeat(196) + "x".repeat(100)));
        assertTrue(outbox.accept(156));
        outbox.deliverDue(10);
        assertTrue(x.posted.isEmpty());
        String delivery = host.deliveries.get(156L).get(MessageField.DELIVERY);
        assertTrue(delivery.startsWith("refused: Nothing was sent: Social Reply To is '@bob ") && delivery.contains("…'"), delivery);
    }

    @Test
    void aPublicReplyHasNoRecipientAndStillAnswersTheLatestPublicPost() {
        aStrangerDmsInTheCustomersThread();
        agentReplies(154, "Thanks both, we're on it", ReplyVisibility.PUBLIC);
        outbox.accept(154);
        outbox.deliverDue(10);
        assertEquals(List.of("public:11:@bob @alice Thanks both, we're on it"), x.posted);
        assertFalse(host.deliveries.get(154L).containsKey(MessageField.RECIPIENT));
    }

    @Test
    void aConversationStoredBeforeTheCustomerWasKeptLearnsItFromTheLedgerBeforeAPrivateReply() {
        aStrangerDmsInTheCustomersThread();
        // As an earlier version left it: the customer columns held whoever wrote last, and no requestor.
        db.writing(em -> em.createNativeQuery("UPDATE SC_CONVERSATION SET REQUESTOR_ACCOUNT_ID = NULL, REQUESTOR_HANDLE = NULL,"
                + " CUSTOMER_ACCOUNT_ID = '2002', CUSTOMER_HANDLE = 'bob'").executeUpdate());
        agentReplies(155, "Your order 42", ReplyVisibility.PRIVATE);
        outbox.accept(155);
        outbox.deliverDue(10);
        assertEquals(List.of("dm:2001:Your order 42"), x.posted);
        org.socialcarebridge.conversation.Conversation c = db.read(em -> em.find(
                org.socialcarebridge.conversation.Conversation.class, "x:10"));
        assertTrue(c.customerKnown(), "learnt once, kept");
        assertEquals("alice", c.customerHandle());
    }

    /** A Mastodon double: records what it would post. */
    static class MastodonDouble extends ScriptedNetwork {
        @Override
        public Network network() {
            return Network.MASTODON;
        }
    }

    @Test
    void aMastodonPrivateReplyMentioningAnotherAccountIsRefusedBeforePostingWithTheFixOnTheTicket() {
        SocialIdentity carol = new SocialIdentity(Network.MASTODON, "301", "carol", "Carol", null, 1, false);
        Intake intake = new Intake(db, host, host, Set.of(), java.time.Duration.ofDays(7), clock);
        intake.receive(List.of(new InboundMessage(Network.MASTODON, "500", carol, "@acme parcel lost", clock.instant(), null, null,
                Visibility.PUBLIC, null)));
        intake.filePending(10);
        MastodonDouble mastodon = new MastodonDouble();
        Outbox toMastodon = new Outbox(db, host, host, host, Map.of(Network.MASTODON, mastodon), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(),
                new ReplyApproval(0), AgentGroups.DEFAULT, clock);
        host.replies.put(160L, new AgentReply(2, 160, "agent", "I asked @dan@depot.example to call you", ReplyVisibility.PRIVATE));
        toMastodon.accept(160);
        toMastodon.deliverDue(10);
        assertTrue(mastodon.posted.isEmpty(), "nothing reached Mastodon");
        String comment = host.comments.get(2L).get(0);
        assertTrue(comment.contains("would also reach @dan@depot.example besides @carol")
                && comment.contains("Remove those @handles from the text") && comment.contains("reply publicly"), comment);

        host.replies.put(161L, new AgentReply(2, 161, "agent", "I asked our depot to call you; or mail help@acme.example",
                ReplyVisibility.PRIVATE));
        toMastodon.accept(161);
        toMastodon.deliverDue(10);
        assertEquals(List.of("dm:301:@carol I asked our depot to call you; or mail help@acme.example"), mastodon.posted);
        assertEquals("mastodon:301 @carol", host.deliveries.get(161L).get(MessageField.RECIPIENT));
    }
}
