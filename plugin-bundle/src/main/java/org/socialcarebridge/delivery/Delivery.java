package org.socialcarebridge.delivery;

import java.time.Clock;
import java.time.Instant;

import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.persistence.Database;

/**
 * Puts one planned post on a network, never twice: the one way agents' replies ({@code reply.Outbox})
 * and follow-ups ({@code followup.FollowUps}) reach a network. An attempt whose answer never came (a
 * timeout, a 5xx, a crash mid-post) is looked up on the network before anything is posted again, and
 * is left to a human as uncertain when the network cannot say for {@link UnconfirmedPost#PATIENCE}; a
 * rate limit waits for the network's reset; failures back off on the {@link RetrySchedule}.
 * <p>
 * The caller keeps its own row and states (SC_OUTBOX, SC_FOLLOWUP), and what its outcomes are written
 * back to: it hands in the post with the row's attempt state, a {@link Journal} that makes the attempt
 * durable before the network is called, and records the {@link Outcome} it gets back.
 */
public final class Delivery {
    private final Database db;
    private final RetrySchedule retries;
    private final Clock clock;

    public Delivery(Database db, RetrySchedule retries, Clock clock) {
        this.db = db;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * One post to deliver, with where its earlier attempts left it.
     *
     * @param idempotencyKey   stable across retries and restarts, for the networks that honour one
     * @param attempts         the attempts the caller's row counts so far, this one not included
     * @param unconfirmedSince since when the network may hold an unrecorded post of it, or null when every
     *                         earlier outcome is known
     * @param sentText         the text last sent to the network, word for word (what a look-up looks for), or null
     * @param lastError        why the last attempt did not post it, or null
     */
    public record PlannedPost(OutboundPost post, String idempotencyKey, int attempts, Instant unconfirmedSince,
                              String sentText, String lastError) {
    }

    /** Where the caller's row records the steps that must be durable before the next one. */
    public interface Journal {
        /** About to call the network with {@code text}: found later, this means "maybe posted", never "post again". */
        void posting(String text, Instant at);

        /** The network surely holds no post of it (looked up, or a rate limit took nothing): the next attempt posts. */
        void absent(Instant at);
    }

    /** What became of one attempt: the caller records it on its row. */
    public sealed interface Outcome {
    }

    /**
     * On the network. {@code found} when a look-up found the earlier attempt there (not posted again);
     * {@code sent} is the post as the network holds it.
     */
    public record Posted(PostedMessage message, OutboundPost sent, boolean found) implements Outcome {
    }

    /** Not posted, surely (a rate limit): try again at {@code at}. */
    public record Retry(Instant at, String why) implements Outcome {
    }

    /** Not posted and never will be: refused by the network, or the attempts are spent. */
    public record Failed(String why) implements Outcome {
    }

    /**
     * The post's answer never came ({@code error}): the network may hold it, so it is looked up at
     * {@code lookUpAt}; {@code since} is the attempt the look-up reaches back to.
     */
    public record NoAnswer(Instant since, Instant lookUpAt, String error) implements Outcome {
    }

    /** The network could not say whether it holds the unconfirmed post ({@code why}): asked again at {@code lookUpAt}. */
    public record NotKnown(Instant since, Instant lookUpAt, String why) implements Outcome {
    }

    /** Maybe on the network: it could not be asked for {@link UnconfirmedPost#PATIENCE}; a human decides. */
    public record Uncertain(Instant since, String why) implements Outcome {
    }

    /** One attempt at {@code planned} through {@code network}, looking up first when an earlier one is unconfirmed. */
    public Outcome deliver(NetworkClient network, PlannedPost planned, Journal journal) {
        OutboundPost post = planned.post();
        Instant since = planned.unconfirmedSince();
        if (since != null) {
            OutboundPost sent = UnconfirmedPost.asSent(post, planned.sentText());
            Instant now = clock.instant();
            UnconfirmedPost.Outcome outcome = UnconfirmedPost.lookUp(db, network, sent, since, now);
            if (outcome instanceof UnconfirmedPost.Found found) {
                return new Posted(found.post(), sent, true);
            }
            if (outcome instanceof UnconfirmedPost.Unknown unknown) {
                return unknown.patienceOver() ? new Uncertain(since, unknown.why())
                        : new NotKnown(since, retries.next(Math.max(planned.attempts(), 1), now, unknown.resetAt()),
                        unknown.why());
            }
            journal.absent(clock.instant());
            if (retries.exhausted(planned.attempts())) {
                return new Failed(planned.lastError() + " (gave up after " + planned.attempts() + " attempts)");
            }
        }
        int attempts = planned.attempts() + 1;
        Instant attempt = clock.instant();
        journal.posting(post.text(), attempt);
        try {
            return new Posted(network.post(post, planned.idempotencyKey()), post, false);
        } catch (RateLimitedException e) {
            journal.absent(clock.instant()); // a 429 takes nothing
            if (retries.exhausted(attempts)) {
                return new Failed(e.getMessage() + " (gave up after " + attempts + " attempts)");
            }
            return new Retry(retries.next(attempts, clock.instant(), e.resetAt()), e.getMessage());
        } catch (PostRejectedException e) {
            return new Failed(e.getMessage());
        } catch (RuntimeException | Error e) {
            // A timeout or 5xx may come after the network took the post. Looked up even after the last
            // attempt: a post that may be out is never called failed unchecked.
            return new NoAnswer(attempt, retries.next(attempts, clock.instant(), null), String.valueOf(e.getMessage()));
        }
    }
}
