package org.socialcarebridge.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.TriageDecision;
import org.socialcarebridge.triage.TriageRecord;

/**
 * What the intake reads and writes in the plugin's store: the ledger of received messages, the
 * conversations they belong to, and triage's record of each decision. Each method is one transaction.
 */
final class IntakeStore {
    private final Database db;

    IntakeStore(Database db) {
        this.db = db;
    }

    /** Whether the ledger has an entry with this key (received, posted by the plugin, or ignored). */
    boolean knows(String key) {
        return db.read(em -> em.find(LedgerEntry.class, key) != null);
    }

    LedgerEntry entry(String key) {
        return db.read(em -> em.find(LedgerEntry.class, key));
    }

    /** Adds the entries whose keys the ledger does not have yet, all or none; answers how many were new. */
    int addAll(List<LedgerEntry> entries) {
        return db.write(em -> {
            int fresh = 0;
            for (LedgerEntry e : entries) {
                fresh += addTo(em, e) ? 1 : 0;
            }
            return fresh;
        });
    }

    /** Adds the entry unless the ledger has its key already; answers whether it was new. */
    boolean add(LedgerEntry entry) {
        return db.write(em -> addTo(em, entry));
    }

    private static boolean addTo(EntityManager em, LedgerEntry entry) {
        if (em.find(LedgerEntry.class, entry.key()) != null) {
            return false; // seen before (a re-poll, or the echo of the plugin's own post)
        }
        em.persist(entry);
        return true;
    }

    /** Applies one change to one entry. */
    void change(String key, Consumer<LedgerEntry> change) {
        db.writing(em -> change.accept(em.find(LedgerEntry.class, key)));
    }

    /** Keys of up to {@code max} received messages waiting to be filed, oldest first. */
    List<String> waiting(int max) {
        return db.read(em -> em.createQuery(
                        "select e.key from LedgerEntry e where e.state = :s order by e.createdAt, e.key", String.class)
                .setParameter("s", LedgerState.RECEIVED).setMaxResults(max).getResultList());
    }

    /** Up to {@code max} received messages waiting to be filed, oldest first (as {@link #waiting}). */
    List<LedgerEntry> waitingEntries(int max) {
        return db.read(em -> em.createQuery(
                        "select e from LedgerEntry e where e.state = :s order by e.createdAt, e.key", LedgerEntry.class)
                .setParameter("s", LedgerState.RECEIVED).setMaxResults(max).getResultList());
    }

    /** Triage kept the message out of the help desk: its entry says why, and the decision is recorded. */
    void filtered(String key, String reasons, TriageDecision decision, Instant now) {
        db.writing(em -> {
            em.find(LedgerEntry.class, key).filter(reasons, now);
            em.merge(TriageRecord.of(key, decision, now));
        });
    }

    /**
     * The message is on the conversation's ticket: the conversation is stored (or moved to that ticket),
     * has heard from the message's author, the entry is filed on it, and triage's decision recorded.
     */
    void filed(String key, Conversation target, InboundMessage m, TriageDecision decision, Instant now) {
        db.writing(em -> {
            Conversation c = em.find(Conversation.class, target.key());
            if (c == null) {
                c = target;
                em.persist(c);
            } else if (c.ticketId() != target.ticketId()) {
                c.continueOn(target.ticketId(), m.author(), now);
            }
            c.heardFrom(m, now);
            em.find(LedgerEntry.class, key).filed(c, now);
            em.merge(TriageRecord.of(key, decision, now));
        });
    }

    /** The conversation this message continues: the thread it answers, then the thread it belongs to. */
    Optional<Conversation> conversationOf(InboundMessage m) {
        return db.read(em -> {
            if (m.inReplyToId() != null) {
                LedgerEntry parent = em.find(LedgerEntry.class, m.network().key() + ":" + m.inReplyToId());
                if (parent != null && parent.conversationKey() != null) {
                    return Optional.ofNullable(em.find(Conversation.class, parent.conversationKey()));
                }
            }
            if (m.conversationId() != null) {
                return Optional.ofNullable(em.find(Conversation.class, m.network().key() + ":" + m.conversationId()));
            }
            return Optional.empty();
        });
    }

    /**
     * A direct message continues the latest conversation the customer took part in (as its customer or
     * as one of several people in its public thread), reopening it within the window, so public and
     * private messages of one case stay on one ticket.
     */
    Optional<Conversation> latestConversationWith(SocialIdentity customer) {
        return db.read(em -> em.createQuery(
                        "select e.conversationKey from LedgerEntry e where e.network = :n and e.authorAccountId = :a"
                                + " and e.state = :filed and e.conversationKey is not null order by e.filedAt desc", String.class)
                .setParameter("n", customer.network()).setParameter("a", customer.accountId())
                .setParameter("filed", LedgerState.FILED)
                .setMaxResults(1).getResultList().stream().findFirst()
                .map(key -> em.find(Conversation.class, key)));
    }

    /** Keys of conversations stored before the customer was kept apart from whoever wrote last. */
    List<String> unsettledConversations() {
        return db.read(em -> em.createQuery(
                "select c.key from Conversation c where c.customerAccountId is null", String.class).getResultList());
    }

    void settleCustomer(String conversationKey) {
        db.writing(em -> LedgerStore.settleCustomer(em, em.find(Conversation.class, conversationKey)));
    }
}
