package org.socialcarebridge.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

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
 * What follow-ups read and write in the plugin's store: resolutions (SC_RESOLUTION), the follow-ups
 * they schedule (SC_FOLLOWUP), the ledger entries of what was sent, and what the ticket's conversation
 * and replies say. Each method is one transaction.
 */
final class FollowUpStore {
    private final Database db;

    FollowUpStore(Database db) {
        this.db = db;
    }

    /** The surveys already sent, as the transaction that schedules new follow-ups sees them. */
    interface SurveysSent {
        /** When the conversation's customer was last sent a survey after {@code since}, if they were. */
        Optional<Instant> lastSince(Conversation conversation, Instant since);
    }

    /**
     * Stores the resolution and the follow-ups {@code schedule} makes for it, unless the resolution is
     * stored already; answers whether it was new.
     */
    boolean resolve(Resolution resolution, Function<SurveysSent, List<FollowUp>> schedule) {
        return db.write(em -> {
            if (em.find(Resolution.class, resolution.transactionId()) != null) {
                return false;
            }
            em.persist(resolution);
            schedule.apply((c, since) -> lastSurveyed(em, c, since)).forEach(em::persist);
            return true;
        });
    }

    private static Optional<Instant> lastSurveyed(EntityManager em, Conversation c, Instant since) {
        return em.createQuery("select f.sentAt from FollowUp f where f.network = :n and f.customerAccountId = :a"
                        + " and f.kind = :survey and f.sentAt is not null and f.sentAt > :since order by f.sentAt desc", Instant.class)
                .setParameter("n", c.network()).setParameter("a", c.customerAccountId())
                .setParameter("survey", FollowUpKind.SURVEY).setParameter("since", since)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * The ticket is active again: {@code reopen} ends each of its open resolutions and {@code cancel}
     * each follow-up still scheduled on it; answers how many follow-ups that was.
     */
    int reopen(long ticketId, Consumer<Resolution> reopen, Consumer<FollowUp> cancel) {
        return db.write(em -> {
            for (Resolution r : em.createQuery("select r from Resolution r where r.ticketId = :t and r.reopenedAt is null",
                    Resolution.class).setParameter("t", ticketId).getResultList()) {
                reopen.accept(r);
            }
            List<FollowUp> pending = scheduled(em, ticketId);
            pending.forEach(cancel);
            return pending.size();
        });
    }

    /** Applies {@code change} to each follow-up still scheduled on the ticket. */
    void changeScheduled(long ticketId, Consumer<FollowUp> change) {
        db.writing(em -> scheduled(em, ticketId).forEach(change));
    }

    private static List<FollowUp> scheduled(EntityManager em, long ticketId) {
        return em.createQuery("select f from FollowUp f where f.ticketId = :t and f.state = :s", FollowUp.class)
                .setParameter("t", ticketId).setParameter("s", FollowUpState.SCHEDULED).getResultList();
    }

    /** The latest conversation on the ticket. */
    Optional<Conversation> conversationOn(long ticketId) {
        return db.read(em -> em.createQuery(
                        "select c from Conversation c where c.ticketId = :t order by c.openedAt desc", Conversation.class)
                .setParameter("t", ticketId).setMaxResults(1).getResultList().stream().findFirst());
    }

    Conversation conversation(String key) {
        return db.read(em -> em.find(Conversation.class, key));
    }

    Resolution resolution(long transactionId) {
        return db.read(em -> em.find(Resolution.class, transactionId));
    }

    FollowUp followUp(String key) {
        return db.read(em -> em.find(FollowUp.class, key));
    }

    /**
     * Applies one change to one follow-up, the row locked meanwhile: the network's receipts arrive in
     * parallel webhook deliveries, and each change must start from the last one's result.
     */
    void change(String key, Consumer<FollowUp> change) {
        changed(key, f -> {
            change.accept(f);
            return true;
        });
    }

    /** As {@link #change}, answering what the change says (whether it changed anything). */
    boolean changed(String key, Predicate<FollowUp> change) {
        return db.write(em -> change.test(em.find(FollowUp.class, key, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** The follow-up the network knows by this id, or null. */
    String byPost(Network network, String postId) {
        return db.read(em -> em.createQuery("select f.key from FollowUp f where f.network = :n and f.postId = :id",
                        String.class).setParameter("n", network).setParameter("id", postId).setMaxResults(1)
                .getResultList().stream().findFirst().orElse(null));
    }

    /** The ticket's survey sent last, if one was sent. */
    Optional<FollowUp> lastSurveySent(long ticketId) {
        return db.read(em -> em.createQuery("select f from FollowUp f where f.ticketId = :t"
                        + " and f.kind = :k and f.sentAt is not null order by f.sentAt desc", FollowUp.class)
                .setParameter("t", ticketId).setParameter("k", FollowUpKind.SURVEY).setMaxResults(1).getResultList()
                .stream().findFirst());
    }

    /** Keys of the follow-ups in this state. */
    List<String> inState(FollowUpState state) {
        return db.read(em -> em.createQuery("select f.key from FollowUp f where f.state = :s", String.class)
                .setParameter("s", state).getResultList());
    }

    /**
     * Keys of up to {@code max} follow-ups due at {@code now}, and of those left sending since before
     * {@code stale}, the earliest due first.
     */
    List<String> due(Instant now, Instant stale, int max) {
        return db.read(em -> em.createQuery("select f.key from FollowUp f where (f.state = :s and f.dueAt <= :now)"
                        + " or (f.state = :sending and f.updatedAt <= :stale) order by f.dueAt, f.key", String.class)
                .setParameter("s", FollowUpState.SCHEDULED).setParameter("now", now)
                .setParameter("sending", FollowUpState.SENDING).setParameter("stale", stale)
                .setMaxResults(max).getResultList());
    }

    /** The follow-up is on the network: the conversation's ledger and its row both say so. */
    void sent(String key, Conversation c, OutboundPost post, PostedMessage posted, Instant now) {
        db.writing(em -> {
            LedgerStore.recordPosted(em, c, posted.id(), post.text(),
                    post.visibility() == ReplyVisibility.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE, now);
            em.find(FollowUp.class, key).sent(posted.id(), posted.url(), post.text(), now);
        });
    }

    /** The thread's latest public message, filed or posted by the brand. */
    Optional<LedgerEntry> lastPublicMessage(Conversation c) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.conversationKey = :k and e.state = :filed"
                        + " and (e.visibility = :pub or (e.direction = :out and e.visibility is null))"
                        + " order by e.createdAt desc, e.key desc", LedgerEntry.class)
                .setParameter("k", c.key()).setParameter("filed", LedgerState.FILED).setParameter("pub", Visibility.PUBLIC)
                .setParameter("out", LedgerEntry.Direction.OUTBOUND).setMaxResults(1).getResultList().stream().findFirst());
    }

    /**
     * The customer's name as they last gave it in the conversation (WhatsApp's profile name), else their
     * handle, else empty: what a survey template's one placeholder greets.
     */
    String customerName(Conversation c) {
        String name = db.read(em -> em.createQuery("select e.authorName from LedgerEntry e where e.conversationKey = :k"
                        + " and e.direction = :in and e.authorAccountId = :customer and e.authorName is not null"
                        + " order by e.createdAt desc, e.key desc", String.class)
                .setParameter("k", c.key()).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setParameter("customer", c.customerAccountId()).setMaxResults(1).getResultList().stream()
                .filter(n -> !n.isBlank()).findFirst().orElse(null));
        return name != null ? name.strip() : c.customerHandle() != null ? c.customerHandle() : "";
    }

    /** Whether this post on the network is a closing reply the plugin sent. */
    boolean sentAsClosing(String postId) {
        return db.read(em -> !em.createQuery("select f.key from FollowUp f where f.kind = :k and f.postId = :id", String.class)
                .setParameter("k", FollowUpKind.CLOSING).setParameter("id", postId).setMaxResults(1).getResultList().isEmpty());
    }

    /** How many agents' replies on the ticket reached the customer. */
    long repliesPosted(long ticketId) {
        return db.read(em -> em.createQuery("select count(o) from OutboxEntry o where o.ticketId = :t"
                + " and o.postedAt is not null", Long.class).setParameter("t", ticketId).getSingleResult());
    }

    /** Keys of up to {@code max} follow-ups whose ticket has not been told what became of them, oldest change first. */
    List<String> awaitingWriteBack(int max) {
        return db.read(em -> em.createQuery("select f.key from FollowUp f where f.hostUpdatePending = true"
                + " order by f.updatedAt, f.key", String.class).setMaxResults(max).getResultList());
    }

    /** How many follow-ups are in this state. */
    long count(FollowUpState state) {
        return db.read(em -> em.createQuery("select count(f) from FollowUp f where f.state = :s", Long.class)
                .setParameter("s", state).getSingleResult());
    }
}
