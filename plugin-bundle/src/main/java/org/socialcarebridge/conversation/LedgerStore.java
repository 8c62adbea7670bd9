package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.socialcarebridge.persistence.Database;

/**
 * What the ledger's own readers (the dead letters, the filtered messages, the health board) read and
 * write in the plugin's store; each of those methods is one transaction. The static methods work inside another store's
 * transaction, for what a conversation's ledger must record together with that store's own rows.
 */
public final class LedgerStore {
    private final Database db;

    public LedgerStore(Database db) {
        this.db = db;
    }

    /** How many messages are in this state. */
    public long count(LedgerState state) {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.state = :s", Long.class)
                .setParameter("s", state).getSingleResult());
    }

    /** Whether a message received before {@code before} still waits for a ticket: filing is behind. */
    public boolean waitingSince(Instant before) {
        return !db.read(em -> em.createQuery("select e.key from LedgerEntry e where e.state = :s and e.receivedAt < :before",
                        String.class).setParameter("s", LedgerState.RECEIVED).setParameter("before", before)
                .setMaxResults(1).getResultList()).isEmpty();
    }

    /** Dead letters, the newest first (by when they became dead letters). */
    List<LedgerEntry> newestDeadLetters(int limit) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.state = :s"
                                + " order by e.deadLetteredAt desc, e.receivedAt desc, e.key desc", LedgerEntry.class)
                .setParameter("s", LedgerState.DEAD_LETTER).setMaxResults(limit).getResultList());
    }

    /** Dead letters, the oldest first. */
    List<LedgerEntry> oldestDeadLetters(int limit) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.state = :s"
                                + " order by e.deadLetteredAt, e.key", LedgerEntry.class)
                .setParameter("s", LedgerState.DEAD_LETTER).setMaxResults(limit).getResultList());
    }

    /** Dead letters that became dead letters after the given one (by when, then key), the oldest first. */
    List<LedgerEntry> deadLettersAfter(Instant at, String key, int limit) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.state = :s and (e.deadLetteredAt > :at"
                                + " or (e.deadLetteredAt = :at and e.key > :key)) order by e.deadLetteredAt, e.key", LedgerEntry.class)
                .setParameter("s", LedgerState.DEAD_LETTER).setParameter("at", at).setParameter("key", key)
                .setMaxResults(limit).getResultList());
    }

    /** The customers' public messages filed on this ticket, oldest first: what moderation may hide. */
    public List<LedgerEntry> publicMessagesOn(long ticketId) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.ticketId = :t and e.direction = :in"
                        + " and e.visibility = :pub and e.state = :filed order by e.createdAt, e.key", LedgerEntry.class)
                .setParameter("t", ticketId).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("pub", Visibility.PUBLIC).setParameter("filed", LedgerState.FILED).getResultList());
    }

    /** The message with this key, if the ledger has it. */
    public Optional<LedgerEntry> entry(String key) {
        return Optional.ofNullable(db.read(em -> em.find(LedgerEntry.class, key)));
    }

    /**
     * Applies the change to the message with this key and stores it, in one transaction; answers what
     * the change answers.
     *
     * @throws RuntimeException {@code unknown}'s, when no message has this key (nothing is changed)
     */
    <T> T change(String key, Function<LedgerEntry, T> change, Supplier<? extends RuntimeException> unknown) {
        return db.write(em -> {
            LedgerEntry e = key == null ? null : em.find(LedgerEntry.class, key);
            if (e == null) {
                throw unknown.get();
            }
            return change.apply(e);
        });
    }

    /** Filtered messages filed at or after {@code since}, the newest first. */
    List<LedgerEntry> filteredSince(Instant since, int limit) {
        return filtered("e.filedAt >= :t order by e.filedAt desc, e.key", since, limit);
    }

    /** Filtered messages filed after {@code after}, the oldest first. */
    List<LedgerEntry> filteredAfter(Instant after, int limit) {
        return filtered("e.filedAt > :t order by e.filedAt, e.key", after, limit);
    }

    private List<LedgerEntry> filtered(String where, Instant t, int limit) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.state = :s and " + where, LedgerEntry.class)
                .setParameter("s", LedgerState.FILTERED).setParameter("t", t)
                .setMaxResults(limit).getResultList());
    }

    /** How many messages were filtered at or after {@code since}. */
    long countFiltered(Instant since) {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.state = :s and e.filedAt >= :t",
                        Long.class).setParameter("s", LedgerState.FILTERED).setParameter("t", since).getSingleResult());
    }

    /**
     * Records a post the plugin made itself in this conversation (an agent's reply, a follow-up), once,
     * in the caller's transaction: its echo is then recognised and answers to it join the ticket.
     *
     * @param visibility how it was posted (public in the thread, or a direct message)
     */
    public static void recordPosted(EntityManager em, Conversation conversation, String messageId, String text,
                                    Visibility visibility, Instant now) {
        recordPosted(em, conversation, messageId, text, visibility, null, now);
    }

    /**
     * @param inReplyToId the customer message the post answers (publicly, or privately: Facebook's one
     *                    private reply to a comment, which is how the plugin knows it was used), or null
     */
    public static void recordPosted(EntityManager em, Conversation conversation, String messageId, String text,
                                    Visibility visibility, String inReplyToId, Instant now) {
        if (em.find(LedgerEntry.class, conversation.network().key() + ":" + messageId) == null) {
            LedgerEntry posted = LedgerEntry.posted(conversation.network(), messageId, conversation, text, visibility, now);
            posted.answering(inReplyToId);
            em.persist(posted);
        }
    }

    /**
     * Learns the customer of a conversation stored before the customer was kept, in the caller's
     * transaction: the author of the first message filed on the conversation's ticket, which is who the
     * ticket was opened for (the first message of the conversation when the ledger has none on that
     * ticket; who wrote last when it has none at all). Does nothing once known. Answers whether the row
     * changed.
     */
    public static boolean settleCustomer(EntityManager em, Conversation c) {
        if (c.customerKnown()) {
            return false;
        }
        String first = "select e from LedgerEntry e where e.conversationKey = :k and e.direction = :in and e.state = :filed";
        String order = " order by e.filedAt, e.createdAt, e.key";
        SocialIdentity opener = em.createQuery(first + " and e.ticketId = :t" + order, LedgerEntry.class)
                .setParameter("k", c.key()).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("filed", LedgerState.FILED).setParameter("t", c.ticketId())
                .setMaxResults(1).getResultList().stream().findFirst()
                .or(() -> em.createQuery(first + order, LedgerEntry.class)
                        .setParameter("k", c.key()).setParameter("in", LedgerEntry.Direction.INBOUND)
                        .setParameter("filed", LedgerState.FILED)
                        .setMaxResults(1).getResultList().stream().findFirst())
                .map(e -> e.message().author())
                .orElse(null);
        c.settleCustomer(opener);
        return true;
    }
}
