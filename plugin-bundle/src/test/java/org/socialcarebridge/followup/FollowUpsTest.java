package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.StatusChange;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.MoveToPrivate;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApproval;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.Signature;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;
import org.socialcarebridge.triage.engine.Triage;

class FollowUpsTest {
    static final SocialIdentity ALICE = new SocialIdentity(org.socialcarebridge.channel.Network.X, "2001", "alice", "Alice", null, 1, false);


    /** Posts what it is given, failing as told; public posts are "public:<answered>:<text>", DMs "dm:<to>:<text>". */
    static final class Channel implements NetworkClient {
        final List<String> posted = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        RuntimeException failNext;

        @Override
        public org.socialcarebridge.channel.Network network() {
            return org.socialcarebridge.channel.Network.X;
        }

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            keys.add(idempotencyKey);
            if (failNext != null) {
                RuntimeException e = failNext;
                failNext = null;
                throw e;
            }
            posted.add(what(post));
            String id = String.valueOf(900 + posted.size());
            if (acceptThenFail) {
                acceptThenFail = false;
                throw new NetworkUnavailableException("X answered 503 after taking the post");
            }
            return new PostedMessage(id, "https://x.com/acme/status/" + id);
        }

        private static String what(OutboundPost post) {
            return post.visibility() == ReplyVisibility.PUBLIC ? "public:" + post.inReplyToMessageId() + ":" + post.text()
                    : "dm:" + post.recipientAccountId() + ":" + post.text();
        }

        /** The next post is taken by the network, then answered with a 503 (X has no idempotency key). */
        boolean acceptThenFail;
        /** Thrown by every look-up while set. */
        RuntimeException lookupFailure;
        int lookups;

        /** Like X's timeline or DM conversation: the posts on the network with these words, to this place. */
        @Override
        public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
            lookups++;
            if (lookupFailure != null) {
                throw lookupFailure;
            }
            List<PostedMessage> found = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                if (posted.get(i).equals(what(post))) {
                    found.add(new PostedMessage(String.valueOf(901 + i), "https://x.com/acme/status/" + (901 + i)));
                }
            }
            return found;
        }
    }

    RecordingHost host = new RecordingHost();
    final Channel x = new Channel();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    FollowUpPolicy policy = FollowUpPolicy.defaults();
    ReplyPolicy replies = new ReplyPolicy(SampleChannels.BOTH);
    Database db;
    Intake intake;
    Outbox outbox;
    FollowUps followUps;
    long nextTxn = 500;

    @BeforeEach
    void open() {
        db = TestDatabase.open();
        start();
    }

    void start() {
        followUps = new FollowUps(db, host, host, Map.of(org.socialcarebridge.channel.Network.X, x), replies, policy,
                RetrySchedule.standard(), clock);
        intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), Triage.withDefaults(), followUps, clock);
        outbox = new Outbox(db, host, host, host, Map.of(org.socialcarebridge.channel.Network.X, x), replies,
                RetrySchedule.standard(), new ReplyApproval(0), org.socialcarebridge.reply.AgentGroups.DEFAULT, clock);
        followUps.readResolutions(); // a fresh install starts at the newest transaction
    }

    @AfterEach
    void close() {
        db.close();
    }

    void customerWrites(String id, String text, Visibility visibility, Instant wrote) {
        intake.receive(List.of(new InboundMessage(org.socialcarebridge.channel.Network.X, id, ALICE, text, wrote,
                visibility == Visibility.PUBLIC && !id.equals("10") ? "10" : null, visibility == Visibility.PUBLIC ? "10" : null,
                visibility, null)));
        intake.filePending(10);
    }

    void agentReplies(String text) {
        long txn = nextTxn++;
        host.replies.put(txn, new AgentReply(1, txn, "agent", text, ReplyVisibility.PUBLIC));
        outbox.accept(txn);
        outbox.deliverDue(10);
    }

    long resolve() {
        long txn = nextTxn++;
        host.statusChanges.add(new StatusChange(txn, 1, "open", "resolved", "agent", clock.instant()));
        host.resolved.put(1L, clock.instant());
        followUps.readResolutions();
        return txn;
    }

    void pass() {
        followUps.sendDue(10);
        followUps.writeBack(50);
    }

    String field(TicketField name) {
        return host.ticketFields.getOrDefault(1L, Map.of()).get(name);
    }

    @Test
    void resolvingPostsTheClosingInTheThreadThenTheSurveyPrivatelyAfterTheDelay() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        pass();
        assertEquals("public:10:@alice " + FollowUpPolicy.CLOSING_TEXT, x.posted.get(1));
        assertEquals("agent", field(TicketField.RESOLVED_BY));
        assertTrue(field(TicketField.CLOSING).startsWith("sent 2026-11-24 10:00 UTC https://x.com/acme/status/902"), field(TicketField.CLOSING));
        assertTrue(field(TicketField.SURVEY).startsWith("scheduled for 2026-11-24 10:10 UTC"), field(TicketField.SURVEY));
        assertEquals(2, x.posted.size(), "the survey waits for its delay");

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        assertEquals("dm:2001:" + FollowUpPolicy.SURVEY_TEXT, x.posted.get(2));
        assertTrue(field(TicketField.SURVEY).startsWith("sent 2026-11-24 10:10 UTC"), field(TicketField.SURVEY));
        assertEquals("socialcare-followup-" + (nextTxn - 1) + ":SURVEY", x.keys.get(x.keys.size() - 1));
        pass();
        assertEquals(3, x.posted.size(), "each follow-up is sent once");
    }

    void surveySent() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
    }

    @Test
    void aLowScoreIsRecordedAndReopensTheTicketForTheTeamLeadsWithTheAnswerQuoted() {
        surveySent();
        customerWrites("30", "2", Visibility.PRIVATE, clock.instant());
        pass();
        assertEquals("2", field(TicketField.CSAT));
        assertEquals("2", field(TicketField.SURVEY_ANSWER));
        assertTrue(field(TicketField.SURVEY).startsWith("answered 2/5"), field(TicketField.SURVEY));
        List<String> reopened = host.reopenedFor.get(1L);
        assertEquals(1, reopened.size());
        assertTrue(reopened.get(0).startsWith("Social Team Leads: ") && reopened.get(0).contains("with \"2\"")
                && reopened.get(0).contains("credited to agent"), reopened.get(0));
        assertTrue(host.reopened.isEmpty(), "the answer itself reopened nothing: the low score did");
        assertFalse(host.messages.getOrDefault(1L, List.of()).stream().anyMatch(m -> m.contains("\n2\n")),
                "a survey answer is never correspondence");
    }

    @Test
    void aGoodScoreIsRecordedAndTheTicketIsLeftAlone() {
        surveySent();
        customerWrites("31", "★★★★★ great thanks", Visibility.PRIVATE, clock.instant());
        pass();
        assertEquals("5", field(TicketField.CSAT));
        assertTrue(host.reopenedFor.isEmpty());
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("answered the satisfaction survey")), "shown");
        // A second message is an ordinary one, not another answer.
        customerWrites("32", "1", Visibility.PRIVATE, clock.instant());
        pass();
        assertEquals("5", field(TicketField.CSAT));
    }

    @Test
    void anAnswerThatArrivesWhileTheSurveyIsBeingShownIsShownToo() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        followUps.sendDue(10);
        // The customer answers between the survey's "sent" reaching the ticket and the row being marked shown.
        host.afterComment = text -> {
            if (text.contains("sent the") && text.contains("survey")) {
                host.afterComment = t -> { };
                customerWrites("31", "5, great thanks", Visibility.PRIVATE, clock.instant());
            }
        };
        followUps.writeBack(50);
        followUps.writeBack(50);
        assertEquals("5", field(TicketField.CSAT));
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("answered the satisfaction survey")),
                host.comments.get(1L).toString());
    }

    @Test
    void anAngryAnswerWithoutAScoreReopensForTheLeadsToo() {
        surveySent();
        customerWrites("33", "still broken, thanks for nothing", Visibility.PRIVATE, clock.instant());
        pass();
        assertEquals(null, field(TicketField.CSAT));
        assertEquals(1, host.reopenedFor.get(1L).size());
    }

    @Test
    void noSurveyWithoutAnAgentReply() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        resolve();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        assertEquals("not sent: no agent reply reached the customer on this ticket", field(TicketField.SURVEY));
    }

    @Test
    void aReplySentWithTheResolutionCountsWhenTheSurveyIsDue() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        resolve(); // the agent replied and resolved in one go: the reply reaches the network just after
        agentReplies("Sorry, it arrives tomorrow");
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        assertTrue(field(TicketField.SURVEY).startsWith("sent "), field(TicketField.SURVEY));
    }

    @Test
    void atMostOneSurveyPerCustomerWithinTheCap() {
        surveySent();
        customerWrites("40", "@acme it is late again", Visibility.PUBLIC, clock.instant()); // reopens
        agentReplies("Chasing it");
        resolve();
        pass();
        assertTrue(field(TicketField.SURVEY).startsWith("not sent: the customer was last surveyed 2026-11-24 10:10 UTC;"
                + " at most one survey per 30 days"), field(TicketField.SURVEY));
    }

    @Test
    void outsideTheMessagingWindowTheSurveyIsNotSentAndSaysWhy() {
        replies = new ReplyPolicy(SampleChannels.BOTH, new SensitiveDataGuard(GuardSettings.defaults()), Signature.of(Signature.OFF),
                MoveToPrivate.standard(), 1, Map.of(org.socialcarebridge.channel.Network.X, Duration.ofHours(24)), clock);
        start();
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant().minus(Duration.ofDays(2)));
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        assertTrue(field(TicketField.SURVEY).startsWith("not sent: the customer last wrote at 2026-11-22T10:00:00Z; X lets the"
                + " brand send a direct message only within 24h of that, and a survey is never sent in public"), field(TicketField.SURVEY));
        assertEquals(2, x.posted.size(), "the reply and the public closing only");
    }

    @Test
    void onANetworkWithoutPrivateMessagesTheSurveyIsNotSent() {
        var publicOnly = SampleChannels.X;
        replies = new ReplyPolicy(Channels.of(new SampleChannels.Described(Network.X, publicOnly.receives(),
                publicOnly.publicReplies(), Optional.empty(), publicOnly.duplicates(), publicOnly.identities())));
        start();
        surveySent();
        assertTrue(field(TicketField.SURVEY).startsWith("not sent: X has no private messages"), field(TicketField.SURVEY));
    }

    @Test
    void noClosingWhenTheCustomerAlreadySaidItIsFixedAndTheirWordsConfirmTheResolution() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        clock.now = clock.now.plusSeconds(60);
        customerWrites("11", "@acme thanks, all fixed now!", Visibility.PUBLIC, clock.instant());
        assertEquals("Yes", field(TicketField.CUSTOMER_CONFIRMED_RESOLUTION));
        resolve();
        pass();
        assertTrue(field(TicketField.CLOSING).startsWith("not sent: the last public exchange was already a closing: \"@acme thanks,"),
                field(TicketField.CLOSING));
    }

    @Test
    void noPublicClosingForAConversationThatBeganInPrivate() {
        customerWrites("20", "my order number is 123", Visibility.PRIVATE, clock.instant());
        host.replies.put(nextTxn, new AgentReply(1, nextTxn, "agent", "Thanks, found it", ReplyVisibility.PRIVATE));
        outbox.accept(nextTxn++);
        outbox.deliverDue(10);
        resolve();
        pass();
        assertTrue(field(TicketField.CLOSING).startsWith("not sent: the conversation began in private"), field(TicketField.CLOSING));
    }

    @Test
    void reopeningCancelsWhatTheResolutionScheduled() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        long resolution = resolve();
        pass();
        host.statusChanges.add(new StatusChange(nextTxn++, 1, "resolved", "open", "agent", clock.instant()));
        followUps.readResolutions();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        pass();
        assertEquals("cancelled: the ticket was reopened by agent", field(TicketField.SURVEY));
        assertTrue(db.read(em -> em.find(Resolution.class, resolution)).reopenedAt() != null);
    }

    @Test
    void aCheckInIsSentForItsCategoryAndCancelledWhenTheCustomerWroteMeanwhile() {
        policy = new FollowUpPolicy(false, "", false, Duration.ZERO, 100, Duration.ZERO, 0, "", Duration.ofDays(7),
                Set.of("Delay"), Duration.ofDays(3), FollowUpPolicy.CHECK_IN_TEXT, "Social Team Leads");
        start();
        host.ticketFields.computeIfAbsent(1L, k -> new java.util.HashMap<>()).put(TicketField.CATEGORY, "delay");
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        pass();
        assertTrue(field(TicketField.CHECK_IN).startsWith("scheduled for 2026-11-27 10:00 UTC"), field(TicketField.CHECK_IN));
        clock.now = clock.now.plus(Duration.ofDays(3));
        pass();
        assertEquals("dm:2001:" + FollowUpPolicy.CHECK_IN_TEXT, x.posted.get(x.posted.size() - 1));

        // The next resolution's check-in is cancelled: the customer wrote (and was answered) before it was due.
        customerWrites("41", "@acme one more question", Visibility.PUBLIC, clock.instant());
        agentReplies("Sure");
        resolve();
        clock.now = clock.now.plus(Duration.ofDays(1));
        customerWrites("42", "@acme it works, thanks", Visibility.PUBLIC, clock.instant());
        // that message reopened the ticket; the check-in of the resolution before it is cancelled
        clock.now = clock.now.plus(Duration.ofDays(3));
        pass();
        assertTrue(field(TicketField.CHECK_IN).startsWith("cancelled: "), field(TicketField.CHECK_IN));
    }

    @Test
    void aCustomersLastWordsInTheSecondOfTheResolutionDoNotCancelTheCheckIn() {
        policy = new FollowUpPolicy(false, "", false, Duration.ZERO, 100, Duration.ZERO, 0, "", Duration.ofDays(7),
                Set.of("Delay"), Duration.ofDays(3), FollowUpPolicy.CHECK_IN_TEXT, "Social Team Leads");
        start();
        host.ticketFields.computeIfAbsent(1L, k -> new java.util.HashMap<>()).put(TicketField.CATEGORY, "delay");
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        // The help desk stamps the resolution to the second; the customer's thanks came earlier in that second.
        Instant second = clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.now = second.plusMillis(400);
        customerWrites("11", "@acme it arrived, thanks", Visibility.PUBLIC, clock.instant());
        clock.now = second.plusMillis(900);
        host.statusChanges.add(new StatusChange(nextTxn++, 1, "open", "resolved", "agent", second));
        host.resolved.put(1L, second);
        followUps.readResolutions();
        clock.now = clock.now.plus(Duration.ofDays(3));
        pass();
        assertEquals("dm:2001:" + FollowUpPolicy.CHECK_IN_TEXT, x.posted.get(x.posted.size() - 1), field(TicketField.CHECK_IN));
    }

    @Test
    void aNetworkFailureIsRetriedWithTheSameKeyAndPostsOnce() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        x.failNext = new NetworkUnavailableException("X answered 503");
        pass();
        assertEquals(1, x.posted.size(), "only the agent's reply so far");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        pass();
        assertEquals(2, x.posted.size());
        String closingKey = x.keys.get(x.keys.size() - 1);
        assertEquals(closingKey, x.keys.get(x.keys.size() - 2), "the retry reuses the idempotency key");
    }

    FollowUp closing() {
        return db.read(em -> em.createQuery("select f from FollowUp f where f.kind = :k", FollowUp.class)
                .setParameter("k", FollowUpKind.CLOSING).getSingleResult());
    }

    @Test
    void aFollowUpTheNetworkTookBeforeAnswering503IsFoundNotSentTwice() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        x.acceptThenFail = true;
        pass();
        assertEquals(2, x.posted.size(), "the agent's reply and the closing the network took");
        assertEquals(FollowUpState.SCHEDULED, closing().state());
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        pass();
        assertEquals(2, x.posted.size(), "looked up, not sent again");
        assertEquals(1, x.lookups);
        assertEquals(FollowUpState.SENT, closing().state());
        assertEquals("902", closing().postId());
    }

    @Test
    void aFollowUpLeftSendingByACrashOrADatabaseErrorIsLookedUpNeverResentEverySecond() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        // The closing reached the network; recording it failed (the database, or the plugin died).
        String text = policy.closingText();
        String key = closing().key();
        db.writing(em -> em.find(FollowUp.class, key).sending("@alice " + text, clock.instant()));
        x.posted.add("public:10:@alice " + text);
        for (int second = 0; second < 50; second++) {
            clock.now = clock.now.plusSeconds(1);
            pass();
        }
        assertEquals(2, x.posted.size(), "never resent while it may still be under way");
        assertEquals(0, x.lookups);
        clock.now = clock.now.plus(FollowUps.SENDING_STALE);
        pass();
        assertEquals(1, x.posted.stream().filter(p -> p.endsWith(text)).count(), "found on the network, not resent: " + x.posted);
        assertEquals(FollowUpState.SENT, closing().state());
        assertEquals("902", closing().postId());
    }

    @Test
    void aFollowUpLeftSendingByAStopIsLookedUpAtTheNextStart() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        String text = policy.closingText();
        String key = closing().key();
        db.writing(em -> em.find(FollowUp.class, key).sending("@alice " + text, clock.instant()));
        x.posted.add("public:10:@alice " + text);
        start();
        assertEquals(1, followUps.settleInterrupted());
        pass();
        assertEquals(1, x.lookups, "looked up at once, not a minute later");
        assertEquals(1, x.posted.stream().filter(p -> p.endsWith(text)).count());
        assertEquals(FollowUpState.SENT, closing().state());
    }

    @Test
    void aFollowUpTheNetworkNeverTookIsLookedUpThenSentOnce() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        x.failNext = new NetworkUnavailableException("X answered 503");
        pass();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        pass();
        assertEquals(1, x.lookups);
        assertEquals(2, x.posted.size());
        assertEquals(FollowUpState.SENT, closing().state());
    }

    @Test
    void aFollowUpWhoseLookUpKeepsFailingIsMarkedUncertainOnTheTicket() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        x.acceptThenFail = true;
        pass();
        x.lookupFailure = new NetworkUnavailableException("X answered 503 to the timeline");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        pass();
        assertEquals(FollowUpState.SCHEDULED, closing().state(), "asked again later");
        clock.now = clock.now.plus(org.socialcarebridge.delivery.UnconfirmedPost.PATIENCE);
        pass();
        assertEquals(FollowUpState.UNCERTAIN, closing().state());
        assertEquals(1, x.posted.stream().filter(p -> p.endsWith(policy.closingText())).count(), "never sent blind: " + x.posted);
        assertTrue(field(TicketField.CLOSING).startsWith("maybe sent, uncertain"), field(TicketField.CLOSING));
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("may or may not have reached")), host.comments.toString());
    }

    @Test
    void aResolutionReadTwiceSchedulesOnce() {
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        long txn = resolve();
        db.moveCursor(FollowUps.CURSOR, String.valueOf(txn - 1), clock.instant());
        followUps.readResolutions();
        assertEquals(1L, (long) db.read(em -> em.createQuery("select count(f) from FollowUp f where f.kind = :k", Long.class)
                .setParameter("k", FollowUpKind.CLOSING).getSingleResult()));
    }

    @Test
    void aFollowUpTheReplyPolicyRefusesSaysWhyInTheDesksWords() {
        policy = new FollowUpPolicy(true, "Thanks for your patience. ".repeat(20), false, Duration.ZERO, 100, Duration.ZERO, 0,
                "", Duration.ofDays(7), Set.of(), Duration.ofDays(3), "", "Social Team Leads");
        host = new RecordingHost() { // a desk with its own words for the reply choices
            @Override
            public String choice(org.socialcarebridge.channel.ReplyVisibility visibility) {
                return "desk:" + visibility.name();
            }
        };
        start();
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        pass();
        assertEquals(1, x.posted.size(), "only the agent's reply");
        assertTrue(field(TicketField.CLOSING).startsWith("not sent: The public reply is ")
                && field(TicketField.CLOSING).endsWith(" or send it as desk:PRIVATE."), field(TicketField.CLOSING));
    }

    @Test
    void aFollowUpLongerThanOnePostIsNotSentInPartsAndSaysWhichSettingToShorten() {
        replies = new ReplyPolicy(SampleChannels.BOTH, new SensitiveDataGuard(GuardSettings.defaults()), Signature.of(Signature.OFF),
                MoveToPrivate.standard(), 3);
        policy = new FollowUpPolicy(true, "Thanks for your patience. ".repeat(20), false, Duration.ZERO, 100, Duration.ZERO, 0,
                "", Duration.ofDays(7), Set.of(), Duration.ofDays(3), "", "Social Team Leads");
        start();
        customerWrites("10", "@acme my parcel is late", Visibility.PUBLIC, clock.instant());
        agentReplies("Sorry, it arrives tomorrow");
        resolve();
        pass();
        assertEquals(1, x.posted.size(), "only the agent's reply");
        assertTrue(field(TicketField.CLOSING).startsWith("not sent: its text makes 2 posts on X; a follow-up is one post:"
                + " shorten closing.text"), field(TicketField.CLOSING));
    }
}
