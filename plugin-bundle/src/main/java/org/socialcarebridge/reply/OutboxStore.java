package org.socialcarebridge.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.Database;

/**
 * What the outbox reads and writes in the plugin's store: one row per agent's reply (SC_OUTBOX), the
 * ledger entries of its posts, and the conversation a ticket belongs to. Each method is one transaction.
 */
final class OutboxStore {
    private final Database db;

    OutboxStore(Database db) {
        this.db = db;
    }

    OutboxEntry entry(long transactionId) {
        return db.read(em -> em.find(OutboxEntry.class, transactionId));
    }

    /** Whether the reply of this host transaction was taken into the outbox before. */
    boolean has(long transactionId) {
        return entry(transactionId) != null;
    }

    /**
     * Stores the reply {@code entry} makes unless its transaction is in the outbox already; answers
     * whether it was new. The entry is made inside the transaction, after the check.
     */
    boolean add(long transactionId, Supplier<OutboxEntry> entry) {
        try {
            return db.write(em -> {
                if (em.find(OutboxEntry.class, transactionId) != null) {
                    return false;
                }
                em.persist(entry.get());
                return true;
            });
        } catch (PersistenceException e) {
            // The notification and the reconciler raced for the same transaction; the other one won.
            if (has(transactionId)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Applies one change to one reply's row, the row locked meanwhile: receipts arrive in parallel webhook
     * deliveries while the outbox posts, and each change must start from the last one's result.
     */
    void change(long transactionId, Consumer<OutboxEntry> change) {
        changed(transactionId, row -> {
            change.accept(row);
            return true;
        });
    }

    /** As {@link #change}, answering what the change says (whether it changed anything). */
    boolean changed(long transactionId, Predicate<OutboxEntry> change) {
        return db.write(em -> change.test(em.find(OutboxEntry.class, transactionId, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** The reply whose direct message this is, as {@code <network key>:<post id>}, or null. */
    Long byDirectMessage(String direct) {
        return db.read(em -> em.createQuery("select o.transactionId from OutboxEntry o where o.directMessage = :d",
                        Long.class).setParameter("d", direct).setMaxResults(1).getResultList().stream().findFirst()
                .orElse(null));
    }

    /** Transactions of the replies in this state. */
    List<Long> inState(DeliveryState state) {
        return db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.state = :s", Long.class)
                .setParameter("s", state).getResultList());
    }

    /** Up to {@code max} replies in one of {@code states} whose next attempt is due at {@code now}, oldest first. */
    List<Long> due(List<DeliveryState> states, Instant now, int max) {
        return db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.state in :states and o.nextAttemptAt <= :now"
                                + " order by o.transactionId", Long.class)
                .setParameter("states", states)
                .setParameter("now", now).setMaxResults(max).getResultList());
    }

    /** How many replies are in one of {@code states}. */
    long count(List<DeliveryState> states) {
        return db.read(em -> em.createQuery(
                        "select count(o) from OutboxEntry o where o.state in :states", Long.class)
                .setParameter("states", states)
                .getSingleResult());
    }

    /** How many replies on this ticket are in this state. */
    long count(long ticketId, DeliveryState state) {
        return db.read(em -> em.createQuery("select count(o) from OutboxEntry o where o.ticketId = :t and o.state = :s",
                        Long.class)
                .setParameter("t", ticketId).setParameter("s", state).getSingleResult());
    }

    /**
     * Applies {@code decide} to the replies held for approval on this ticket and written before the
     * help desk's transaction {@code decision}, oldest first; answers how many.
     */
    int decideHeld(long ticketId, long decision, Consumer<OutboxEntry> decide) {
        return db.write(em -> {
            // Transaction ids grow with time in the help desk: lower means written before the decision.
            List<OutboxEntry> held = em.createQuery("select o from OutboxEntry o where o.ticketId = :t and o.state = :s"
                            + " and o.transactionId < :decision order by o.transactionId", OutboxEntry.class)
                    .setParameter("t", ticketId).setParameter("s", DeliveryState.HELD_FOR_APPROVAL)
                    .setParameter("decision", decision).getResultList();
            held.forEach(decide);
            return held.size();
        });
    }

    /** Transactions of up to {@code max} replies whose outcome the help desk has not been told yet. */
    List<Long> awaitingWriteBack(int max) {
        return db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.hostUpdatePending = true order by o.transactionId",
                        Long.class).setMaxResults(max).getResultList());
    }

    /** One post of the reply is on the network: its row and the conversation's ledger both say so. */
    void posted(long transactionId, Conversation conversation, OutboundPost post, PostedMessage posted, Instant now) {
        db.writing(em -> {
            em.find(OutboxEntry.class, transactionId, LockModeType.PESSIMISTIC_WRITE).stepPosted(posted.id(), posted.url(),
                    post.recipient(), post.visibility() == ReplyVisibility.PUBLIC ? null : directMessage(post.network(),
                            posted.id()), now);
            LedgerStore.recordPosted(em, conversation, posted.id(), post.text(),
                    post.visibility() == ReplyVisibility.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE,
                    post.inReplyToMessageId(), now);
        });
    }

    /** A direct message as the reply's row and the network's receipts name it. */
    static String directMessage(Network network, String postId) {
        return network.key() + ":" + postId;
    }

    /** Everyone who wrote publicly in the conversation, oldest first, each once (the brand's posts are not filed). */
    List<String> publicParticipants(Conversation conversation) {
        return db.read(em -> em.createQuery("select e.authorHandle from LedgerEntry e where e.conversationKey = :k"
                        + " and e.direction = :in and e.visibility = :pub and e.state = :filed order by e.createdAt", String.class)
                .setParameter("k", conversation.key()).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("pub", Visibility.PUBLIC)
                .setParameter("filed", LedgerState.FILED)
                .getResultList().stream().filter(Objects::nonNull).distinct().toList());
    }

    /** Every message someone wrote in the conversation, publicly or privately, oldest first. */
    List<Participants.Written> writers(Conversation conversation) {
        return db.read(em -> em.createQuery("select e.authorAccountId, e.authorHandle, e.createdAt, e.messageId,"
                        + " e.visibility from LedgerEntry e where e.conversationKey = :k and e.direction = :in"
                        + " and e.state = :filed order by e.createdAt, e.key", Object[].class)
                .setParameter("k", conversation.key()).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("filed", LedgerState.FILED)
                .getResultList().stream()
                .map(row -> new Participants.Written((String) row[0], (String) row[1], (Instant) row[2], (String) row[3],
                        (Visibility) row[4]))
                .toList());
    }

    /** Conversations on these networks that someone wrote in since {@code since}, the most recent first. */
    List<Conversation> activeConversations(Set<Network> networks, Instant since, int max) {
        List<Conversation> found = new java.util.ArrayList<>();
        for (Network network : networks) {
            found.addAll(db.read(em -> em.createQuery("select c from Conversation c where c.network = :n"
                            + " and c.updatedAt >= :since order by c.updatedAt desc", Conversation.class)
                    .setParameter("n", network).setParameter("since", since).setMaxResults(max).getResultList()));
        }
        return found;
    }

    /** The customers' public messages the brand has already answered privately (Facebook allows one such reply each). */
    Set<String> answeredPrivately(Conversation conversation) {
        return Set.copyOf(db.read(em -> em.createQuery("select e.inReplyToId from LedgerEntry e"
                        + " where e.conversationKey = :k and e.direction = :out and e.visibility = :private"
                        + " and e.inReplyToId is not null", String.class)
                .setParameter("k", conversation.key()).setParameter("out", LedgerEntry.Direction.OUTBOUND)
                .setParameter("private", Visibility.PRIVATE).getResultList()));
    }

    /**
     * The latest conversation on the ticket, or null, its customer known: one stored by an earlier
     * version learns it before anything goes to them privately.
     */
    Conversation conversationOn(long ticketId) {
        Function<EntityManager, Conversation> latest = em -> em.createQuery(
                        "select c from Conversation c where c.ticketId = :t order by c.openedAt desc", Conversation.class)
                .setParameter("t", ticketId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        Conversation c = db.read(latest);
        if (c == null || c.customerKnown()) {
            return c;
        }
        return db.write(em -> {
            Conversation stored = latest.apply(em);
            LedgerStore.settleCustomer(em, stored);
            return stored;
        });
    }
}
