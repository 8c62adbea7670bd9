package org.socialcarebridge.customer;

import java.util.List;
import java.util.Optional;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.persistence.Database;

/**
 * What customers read and write in the plugin's store: the administrator's links between identities
 * (SC_CUSTOMER_LINK), and the ledger's latest message of an identity. Each method is one transaction.
 */
final class CustomerStore {
    private final Database db;

    CustomerStore(Database db) {
        this.db = db;
    }

    /** The identity's link, or null. */
    CustomerLink link(String identityKey) {
        return db.read(em -> em.find(CustomerLink.class, identityKey));
    }

    /** Stores the link in place of the identity's earlier one, if any. */
    void replace(CustomerLink link) {
        db.writing(em -> {
            CustomerLink old = em.find(CustomerLink.class, link.identityKey());
            if (old != null) {
                em.remove(old);
                em.flush();
            }
            em.persist(link);
        });
    }

    /** Removes the identity's link; answers whether there was one. */
    boolean remove(String identityKey) {
        return db.write(em -> {
            CustomerLink old = em.find(CustomerLink.class, identityKey);
            if (old != null) {
                em.remove(old);
            }
            return old != null;
        });
    }

    /** Every link, by identity. */
    List<CustomerLink> links() {
        return db.read(em -> em.createQuery("select l from CustomerLink l order by l.identityKey", CustomerLink.class)
                .getResultList());
    }

    /** The latest message received from this account. */
    Optional<LedgerEntry> lastReceivedFrom(Network network, String accountId) {
        return db.read(em -> em.createQuery("select e from LedgerEntry e where e.network = :n and e.authorAccountId = :a"
                                + " and e.direction = :d order by e.receivedAt desc", LedgerEntry.class)
                        .setParameter("n", network).setParameter("a", accountId)
                        .setParameter("d", LedgerEntry.Direction.INBOUND).setMaxResults(1).getResultList())
                .stream().findFirst();
    }
}
