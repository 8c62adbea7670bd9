package org.socialcarebridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.persistence.Database;

/**
 * The one delivery path agents' replies and follow-ups share, driven the way each of them drives it:
 * the caller's row here is {@link Row}, holding what SC_OUTBOX and SC_FOLLOWUP hold for a post.
 */
class DeliveryTest {

    /** What each caller plans: an agent's public reply and a follow-up's direct message, with their keys. */
    enum Caller {
        REPLY(new OutboundPost(Network.X, ReplyVisibility.PUBLIC, "@maria Fixed now, sorry for the wait.", "1001", null),
                "socialcare-reply-41"),
        FOLLOW_UP(new OutboundPost(Network.X, ReplyVisibility.PRIVATE, "How did we do? Answer 1 to 5.", null, "77"),
                "socialcare-followup-4711:SURVEY");

        final OutboundPost post;
        final String key;

        Caller(OutboundPost post, String key) {
            this.post = post;
            this.key = key;
        }
    }

    /** Like X: no idempotency key, so a post whose answer was lost is found only by looking it up. */
    static final class X implements NetworkClient {
        final List<String> posted = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<Instant> lookups = new ArrayList<>();
        /** The next post is taken by the network, then answered with a timeout. */
        boolean takeThenTimeOut;
        /** Thrown by the next post instead of taking it. */
        RuntimeException refuse;
        /** Thrown by every look-up while set. */
        RuntimeException lookupFailure;

        @Override
        public Network network() {
            return Network.X;
        }

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            keys.add(idempotencyKey);
            if (refuse != null) {
                RuntimeException e = refuse;
                refuse = null;
                throw e;
            }
            posted.add(post.text());
            if (takeThenTimeOut) {
                takeThenTimeOut = false;
                throw new NetworkUnavailableException("X timed out after 30 s");
            }
            return message(posted.size());
        }

        @Override
        public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
            lookups.add(since);
            if (lookupFailure != null) {
                throw lookupFailure;
            }
            List<PostedMessage> found = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                if (posted.get(i).equals(post.text())) {
                    found.add(message(i + 1));
                }
            }
            return found;
        }

        private static PostedMessage message(int n) {
            return new PostedMessage(String.valueOf(900 + n), "https://x.com/acme/status/" + (900 + n));
        }
    }

    /** The caller's row: what it makes durable through the journal, and what it records of each outcome. */
    static final class Row implements Delivery.Journal {
        int attempts;
        Instant unconfirmedSince;
        String sentText;
        String lastError;
        final List<String> journal = new ArrayList<>();

        @Override
        public void posting(String text, Instant at) {
            journal.add("posting");
            sentText = text;
        }

        @Override
        public void absent(Instant at) {
            journal.add("absent");
            unconfirmedSince = null;
        }

        Delivery.PlannedPost plan(Caller caller) {
            return new Delivery.PlannedPost(caller.post, caller.key, attempts, unconfirmedSince, sentText, lastError);
        }

        /** Records an outcome the way both callers do: attempts counted, the look-up's start kept. */
        Delivery.Outcome record(Delivery.Outcome outcome) {
            if (outcome instanceof Delivery.NoAnswer lost) {
                attempts++;
                unconfirmedSince = lost.since();
                lastError = lost.error();
            } else if (outcome instanceof Delivery.NotKnown unknown) {
                attempts++;
                lastError = unknown.why();
            } else if (outcome instanceof Delivery.Retry retry) {
                attempts++;
                lastError = retry.why();
            }
            return outcome;
        }
    }

    final Database db = TestDatabase.open();
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Delivery delivery = new Delivery(db, RetrySchedule.standard(), clock);
    final X x = new X();
    final Row row = new Row();

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aPostThatTimedOutAndIsFoundByLookUpIsNotPostedAgain(Caller caller) {
        x.takeThenTimeOut = true;
        Instant attempt = clock.instant();
        Delivery.NoAnswer lost = assertInstanceOf(Delivery.NoAnswer.class,
                row.record(delivery.deliver(x, row.plan(caller), row)));
        assertEquals(attempt, lost.since(), "the look-up reaches back to the attempt whose answer never came");
        assertTrue(lost.lookUpAt().isAfter(attempt), "looked up later, not at once: " + lost.lookUpAt());

        clock.now = lost.lookUpAt();
        Delivery.Posted found = assertInstanceOf(Delivery.Posted.class, row.record(delivery.deliver(x, row.plan(caller), row)));

        assertTrue(found.found(), "found by the look-up");
        assertEquals("901", found.message().id());
        assertEquals(List.of(caller.post.text()), x.posted, "on the network once");
        assertEquals(List.of(caller.key), x.keys, "posted once, with the caller's idempotency key");
        assertEquals(List.of(attempt.minus(UnconfirmedPost.CLOCK_SLACK)), x.lookups);
        assertEquals(List.of("posting"), row.journal, "durable before the network was called; nothing after the find");
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aPostTheLookUpDoesNotFindIsPostedAgainWithTheSameKey(Caller caller) {
        x.refuse = new NetworkUnavailableException("X answered 503");
        Delivery.NoAnswer lost = assertInstanceOf(Delivery.NoAnswer.class,
                row.record(delivery.deliver(x, row.plan(caller), row)));

        clock.now = lost.lookUpAt();
        Delivery.Posted posted = assertInstanceOf(Delivery.Posted.class, row.record(delivery.deliver(x, row.plan(caller), row)));

        assertEquals(false, posted.found());
        assertEquals(List.of(caller.key, caller.key), x.keys);
        assertEquals(List.of(caller.post.text()), x.posted);
        assertEquals(List.of("posting", "absent", "posting"), row.journal, "the look-up cleared the doubt before posting");
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aRateLimitWaitsForTheNetworksResetAndTakesNothing(Caller caller) {
        Instant reset = clock.instant().plus(Duration.ofMinutes(15));
        x.refuse = new RateLimitedException("X answered 429", reset);

        Delivery.Retry retry = assertInstanceOf(Delivery.Retry.class, row.record(delivery.deliver(x, row.plan(caller), row)));

        assertEquals(reset.plusSeconds(1), retry.at(), "not before the window reopens");
        assertEquals("X answered 429", retry.why());
        assertEquals(List.of("posting", "absent"), row.journal, "a 429 took nothing: no look-up is due");
        assertEquals(List.of(), x.posted);
    }

    @Test
    void aRateLimitOnTheLastAttemptGivesUp() {
        row.attempts = RetrySchedule.standard().maxAttempts() - 1;
        x.refuse = new RateLimitedException("X answered 429", clock.instant().plusSeconds(60));

        Delivery.Failed failed = assertInstanceOf(Delivery.Failed.class, delivery.deliver(x, row.plan(Caller.REPLY), row));

        assertEquals("X answered 429 (gave up after 6 attempts)", failed.why());
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aPostTheNetworkCannotBeAskedAboutBecomesUncertainAfterTheLookUpWindow(Caller caller) {
        x.takeThenTimeOut = true;
        Instant attempt = clock.instant();
        Delivery.NoAnswer lost = assertInstanceOf(Delivery.NoAnswer.class,
                row.record(delivery.deliver(x, row.plan(caller), row)));
        x.lookupFailure = new NetworkUnavailableException("X answered 503");

        clock.now = lost.lookUpAt();
        Delivery.NotKnown notKnown = assertInstanceOf(Delivery.NotKnown.class,
                row.record(delivery.deliver(x, row.plan(caller), row)));
        assertEquals(attempt, notKnown.since(), "the look-up keeps reaching back to the lost attempt");
        assertEquals("X answered 503", notKnown.why());

        clock.now = attempt.plus(UnconfirmedPost.PATIENCE);
        Delivery.Uncertain uncertain = assertInstanceOf(Delivery.Uncertain.class,
                row.record(delivery.deliver(x, row.plan(caller), row)));

        assertEquals(attempt, uncertain.since());
        assertEquals("X answered 503", uncertain.why());
        assertEquals(List.of(caller.post.text()), x.posted, "never posted again while the network could not say");
        assertEquals(List.of("posting"), row.journal);
    }

    @Test
    void aPostTheNetworkRefusesFailsWithoutRetry() {
        x.refuse = new PostRejectedException("X refused the post: duplicate content");

        Delivery.Failed failed = assertInstanceOf(Delivery.Failed.class, delivery.deliver(x, row.plan(Caller.FOLLOW_UP), row));

        assertEquals("X refused the post: duplicate content", failed.why());
    }

    @Test
    void aLookUpThatFindsNothingAfterTheLastAttemptGivesUpWithTheLastError() {
        row.attempts = RetrySchedule.standard().maxAttempts();
        row.unconfirmedSince = clock.instant().minusSeconds(60);
        row.sentText = Caller.REPLY.post.text();
        row.lastError = "X answered 503";

        Delivery.Failed failed = assertInstanceOf(Delivery.Failed.class, delivery.deliver(x, row.plan(Caller.REPLY), row));

        assertEquals("X answered 503 (gave up after 6 attempts)", failed.why());
        assertEquals(List.of(), x.keys, "checked, and not posted after the last attempt");
        assertEquals(List.of("absent"), row.journal);
    }
}
