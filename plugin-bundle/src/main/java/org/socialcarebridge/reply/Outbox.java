package org.socialcarebridge.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.PersistenceException;

import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.network.NetworkClient;
import org.socialcarebridge.network.PostRejectedException;
import org.socialcarebridge.network.PostedMessage;
import org.socialcarebridge.network.RateLimitedException;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries agents' replies from the help desk to the networks. A reply enters once per host
 * transaction ({@link #accept}), is posted by {@link #deliverDue} with retries, and its outcome is
 * written back to the transaction; a final failure becomes a comment on the ticket. A reply found
 * mid-post after a crash is marked uncertain and raised to a human rather than posted again.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Database db;
    private final HostGateway host;
    private final Map<Network, NetworkClient> networks;
    private final ReplyPolicy policy;
    private final RetrySchedule retries;
    private final Clock clock;

    public Outbox(Database db, HostGateway host, Map<Network, NetworkClient> networks, ReplyPolicy policy,
                  RetrySchedule retries, Clock clock) {
        this.db = db;
        this.host = host;
        this.networks = Map.copyOf(networks);
        this.policy = policy;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * Takes the reply in this host transaction into the outbox, once. Answers false when the
     * transaction is not an agent's reply on a social ticket or was taken before.
     */
    public boolean accept(long transactionId) {
        if (db.read(em -> em.find(OutboxEntry.class, transactionId)) != null) {
            return false;
        }
        Optional<AgentReply> reply = host.agentReply(transactionId);
        if (reply.isEmpty()) {
            return false;
        }
        try {
            return db.write(em -> {
                if (em.find(OutboxEntry.class, transactionId) != null) {
                    return false;
                }
                em.persist(new OutboxEntry(reply.get(), clock.instant()));
                return true;
            });
        } catch (PersistenceException e) {
            // The notification and the reconciler raced for the same transaction; the other one won.
            if (db.read(em -> em.find(OutboxEntry.class, transactionId)) != null) {
                return false;
            }
            throw e;
        }
    }

    /** Marks replies left mid-post by a crash as uncertain; call once at start, before delivering. */
    public int settleInterrupted() {
        List<Long> ids = db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.state = :s", Long.class)
                .setParameter("s", DeliveryState.POSTING).getResultList());
        for (Long id : ids) {
            db.writing(em -> em.find(OutboxEntry.class, id).end(DeliveryState.UNCERTAIN,
                    "the plugin stopped while posting this reply, so it may or may not be on the network;"
                            + " check the conversation there before sending it again", clock.instant()));
        }
        return ids.size();
    }

    /** Posts the replies that are due and writes pending outcomes back to the host. */
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<Long> due = db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.state in :states and o.nextAttemptAt <= :now"
                                + " order by o.transactionId", Long.class)
                .setParameter("states", List.of(DeliveryState.QUEUED, DeliveryState.RETRYING))
                .setParameter("now", now).setMaxResults(max).getResultList());
        for (Long id : due) {
            deliver(id);
        }
        writeBackPending(max);
        return due.size();
    }

    /** Replies not yet in a final state: the outbox size on the health page. */
    public long size() {
        return db.read(em -> em.createQuery(
                        "select count(o) from OutboxEntry o where o.state in :states", Long.class)
                .setParameter("states", List.of(DeliveryState.QUEUED, DeliveryState.RETRYING, DeliveryState.POSTING))
                .getSingleResult());
    }

    private void deliver(long transactionId) {
        OutboxEntry entry = db.read(em -> em.find(OutboxEntry.class, transactionId));
        Conversation conversation = db.read(em -> em.createQuery(
                        "select c from Conversation c where c.ticketId = :t order by c.openedAt desc", Conversation.class)
                .setParameter("t", entry.ticketId()).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
        if (conversation == null) {
            finish(transactionId, DeliveryState.REFUSED, "ticket " + entry.ticketId()
                    + " is not a social conversation the plugin knows, so there is no one to send the reply to");
            return;
        }
        NetworkClient network = networks.get(conversation.network());
        if (network == null) {
            retry(transactionId, "the " + conversation.network().displayName() + " channel is not running (check its settings)",
                    clock.instant().plusSeconds(30));
            return;
        }
        List<OutboundPost> posts;
        try {
            posts = policy.compose(entry.reply(), conversation);
        } catch (ReplyRefusedException e) {
            finish(transactionId, DeliveryState.REFUSED, e.getMessage());
            return;
        }
        // Posts already on the network (a Move to private's acknowledgement) are never posted again.
        for (int step = entry.postsDone(); step < posts.size(); step++) {
            OutboundPost post = posts.get(step);
            db.writing(em -> em.find(OutboxEntry.class, transactionId).posting(post.text(), clock.instant()));
            PostedMessage posted;
            try {
                posted = network.post(post, idempotencyKey(transactionId, step));
            } catch (RateLimitedException e) {
                retry(transactionId, e.getMessage(), e.resetAt());
                return;
            } catch (PostRejectedException e) {
                finish(transactionId, DeliveryState.FAILED, e.getMessage()
                        + (step > 0 ? " (after " + step + " of its " + posts.size() + " posts were made)" : ""));
                return;
            } catch (RuntimeException e) {
                retry(transactionId, e.getMessage(), null);
                return;
            }
            db.writing(em -> {
                em.find(OutboxEntry.class, transactionId).stepPosted(posted.id(), posted.url(), clock.instant());
                if (em.find(LedgerEntry.class, conversation.network().key() + ":" + posted.id()) == null) {
                    em.persist(LedgerEntry.posted(conversation.network(), posted.id(), conversation, post.text(), clock.instant()));
                }
            });
            LOG.info("Posted {} of transaction {} on ticket {} as {} {}", posts.size() > 1 ? "part " + (step + 1) + "/"
                    + posts.size() + " of the reply" : "the reply", transactionId, entry.ticketId(), post.visibility().label(),
                    posted.id());
        }
        db.writing(em -> em.find(OutboxEntry.class, transactionId).posted(clock.instant()));
    }

    /**
     * Stable across retries and restarts: the host's transaction and the post's place in the reply are
     * its identity (the first post keeps the key replies had before they could have several).
     */
    static String idempotencyKey(long transactionId, int step) {
        return "socialcare-reply-" + transactionId + (step == 0 ? "" : "-" + (step + 1));
    }

    private void retry(long id, String error, Instant resetAt) {
        int attempts = db.read(em -> em.find(OutboxEntry.class, id)).attempts();
        if (retries.exhausted(attempts)) {
            finish(id, DeliveryState.FAILED, error + " (gave up after " + attempts + " attempts)");
            return;
        }
        Instant next = retries.next(Math.max(attempts, 1), clock.instant(), resetAt);
        db.writing(em -> em.find(OutboxEntry.class, id).retryAt(next, error, clock.instant()));
        LOG.warn("Reply of transaction {} not posted yet ({}); next try at {}", id, error, next);
    }

    private void finish(long transactionId, DeliveryState state, String error) {
        db.writing(em -> em.find(OutboxEntry.class, transactionId).end(state, error, clock.instant()));
        LOG.warn("Reply of transaction {} {}: {}", transactionId, state.label(), error);
    }

    /** Outcomes go to the host after the fact, so a host outage delays them but never loses them. */
    private void writeBackPending(int max) {
        List<Long> pending = db.read(em -> em.createQuery(
                        "select o.transactionId from OutboxEntry o where o.hostUpdatePending = true order by o.transactionId",
                        Long.class).setMaxResults(max).getResultList());
        for (Long id : pending) {
            OutboxEntry e = db.read(em -> em.find(OutboxEntry.class, id));
            Map<String, String> fields = new LinkedHashMap<>();
            if (e.postId() != null) {
                fields.put("Social Post ID", e.postId());
            }
            fields.put("Social Delivery", e.deliveryLabel());
            try {
                host.recordDelivery(id, fields);
                if (e.state() != DeliveryState.POSTED) {
                    host.comment(e.ticketId(), "Social Care Bridge: the reply of transaction #" + id
                            + " was NOT delivered to the customer (" + e.state().label() + "): " + e.lastError());
                }
                db.writing(em -> em.find(OutboxEntry.class, id).hostUpdated());
            } catch (RuntimeException ex) {
                LOG.warn("Could not write the delivery outcome of transaction {} back to the help desk yet: {}", id,
                        ex.getMessage());
                return;
            }
        }
    }
}
