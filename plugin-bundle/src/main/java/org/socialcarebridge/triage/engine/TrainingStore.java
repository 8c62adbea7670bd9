package org.socialcarebridge.triage.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.TriageRecord;

/**
 * What triage's training reads and writes in the plugin's store: the labels it learns from
 * (SC_TRIAGE_LABEL), the message that opened a ticket, and triage's record of a decision. Each method
 * is one transaction.
 */
final class TrainingStore {
    private final Database db;

    TrainingStore(Database db) {
        this.db = db;
    }

    /** Every label, oldest first. */
    List<TriageLabel> labels() {
        return db.read(em -> em.createQuery("select l from TriageLabel l order by l.labelledAt, l.key",
                TriageLabel.class).getResultList());
    }

    long count() {
        return db.read(em -> em.createQuery("select count(l) from TriageLabel l", Long.class).getSingleResult());
    }

    /**
     * Keys each agent's correction anew by {@code newKey} (null leaves it as it is), unless a label holds
     * that key already; answers how many were re-keyed.
     */
    int rekeyDeskLabels(Function<TriageLabel, String> newKey) {
        return db.write(em -> {
            int n = 0;
            for (TriageLabel old : em.createQuery("select l from TriageLabel l where l.key like :desk", TriageLabel.class)
                    .setParameter("desk", TriageLabel.DESK + "%").getResultList()) {
                String key = newKey.apply(old);
                if (key != null && !key.equals(old.key()) && em.find(TriageLabel.class, key) == null) {
                    em.remove(old);
                    em.persist(old.rekeyed(key));
                    n++;
                }
            }
            return n;
        });
    }

    /** The text of the first customer message filed on the ticket, if the plugin filed one. */
    Optional<String> firstCustomerText(long ticketId) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.ticketId = :t and e.direction = :in"
                        + " order by e.createdAt, e.key", LedgerEntry.class)
                .setParameter("t", ticketId).setParameter("in", LedgerEntry.Direction.INBOUND)
                .setMaxResults(1).getResultList().stream().findFirst().map(e -> e.message().text()));
    }

    /** Stores the label in place of any with its key. */
    void save(TriageLabel label) {
        db.writing(em -> em.merge(label));
    }

    /** Stores the label in place of any with its key; answers whether its key was new. */
    boolean add(TriageLabel label) {
        return db.write(em -> {
            boolean known = em.find(TriageLabel.class, label.key()) != null;
            em.merge(label);
            return !known;
        });
    }

    /** Forgets triage's decision on the message, if one is recorded. */
    void forgetDecision(String messageKey) {
        db.writing(em -> {
            TriageRecord r = em.find(TriageRecord.class, messageKey);
            if (r != null) {
                em.remove(r);
            }
        });
    }
}
