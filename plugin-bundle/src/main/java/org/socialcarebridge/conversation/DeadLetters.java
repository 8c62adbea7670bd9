package org.socialcarebridge.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.Database;

/**
 * The messages that could not be processed (the help desk refused them, processing threw, or no mapper
 * could read them), for an administrator to look at, retry or discard, like the filtered messages'
 * promote. A dead letter never blocks the messages after it; it waits here, visible, until a human acts.
 */
public final class DeadLetters {
    private final LedgerStore store;
    private final Clock clock;

    public DeadLetters(Database db, Clock clock) {
        this.store = new LedgerStore(db);
        this.clock = clock;
    }

    /**
     * One dead letter. {@code author} is null and {@code text} the raw item when no mapper could read it;
     * the text is untrusted content from the internet.
     */
    public record DeadLetter(String key, Network network, String messageId, String author, String reason,
                             Instant receivedAt, Instant createdAt, Instant deadLetteredAt, String text) {
        static DeadLetter of(LedgerEntry e) {
            return new DeadLetter(e.key(), e.network(), e.messageId(), e.author(), e.lastError(), e.receivedAt(),
                    e.createdAt(), e.deadLetteredAt() != null ? e.deadLetteredAt() : e.receivedAt(), e.text());
        }
    }

    /** The newest first (by when they became dead letters). */
    public List<DeadLetter> newest(int limit) {
        return store.newestDeadLetters(limit).stream().map(DeadLetter::of).toList();
    }

    /** All of them, oldest first: what the help desk's alert lists. */
    public List<DeadLetter> oldest(int limit) {
        return store.oldestDeadLetters(limit).stream().map(DeadLetter::of).toList();
    }

    /**
     * Those that became dead letters after the given one (by when, then key), oldest first: what the
     * help desk's alert has not shown yet, read from the store rather than filtered in memory.
     */
    public List<DeadLetter> oldestAfter(Instant at, String key, int limit) {
        return store.deadLettersAfter(at, key, limit).stream().map(DeadLetter::of).toList();
    }

    public long count() {
        return store.count(LedgerState.DEAD_LETTER);
    }

    /**
     * Sends a dead letter back to be filed on the next pass (within a second). If it reached the help
     * desk before, that pass asks the help desk first, so a retry never opens a second ticket.
     *
     * @throws NoSuchElementException when no message has this key
     * @throws IllegalStateException  when it is not a dead letter, or was never read into a message
     */
    public void retry(String key) {
        store.change(key, e -> {
            e.retry();
            return e;
        }, () -> unknown(key));
    }

    /**
     * Keeps a dead letter for the record but never files it.
     *
     * @throws NoSuchElementException when no message has this key
     * @throws IllegalStateException  when it is not a dead letter
     */
    public void discard(String key) {
        Instant now = clock.instant();
        store.change(key, e -> {
            e.discard(now);
            return e;
        }, () -> unknown(key));
    }

    private static NoSuchElementException unknown(String key) {
        return new NoSuchElementException("No message '" + key + "' in the ledger; keys look like x:1790 or"
                + " mastodon:109..., as listed by socialcare:dead-letters or GET /socialcare/dead-letters");
    }
}
