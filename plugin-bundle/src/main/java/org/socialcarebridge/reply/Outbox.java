package org.socialcarebridge.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.delivery.Delivery;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.delivery.DeliveryReceipts;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.AgentDirectory;
import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.host.MessageField;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries agents' replies from the help desk to the networks. A reply enters once per host
 * transaction ({@link #accept}), is posted by {@link #deliverDue} with retries, and its outcome is
 * written back to the transaction; a final failure becomes a comment on the ticket. Each of its posts
 * goes out through the {@link Delivery} follow-ups use too (look-up before posting again, retries,
 * uncertain); the outbox decides what is posted, in which order, and what the ticket is told. Only
 * the agent groups' members speak for the brand: anyone else's reply stays in the help desk.
 */
public final class Outbox implements DeliveryReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How long a reply waits before its author's groups are asked again when the help desk could not say. */
    static final Duration AUTHOR_RECHECK = Duration.ofMinutes(1);
    /** Not final yet: delivery goes on with these. */
    private static final List<DeliveryState> PENDING = List.of(DeliveryState.QUEUED, DeliveryState.RETRYING,
            DeliveryState.HELD_UNVERIFIED);
    /** Still in the outbox: pending, or being posted right now. */
    private static final List<DeliveryState> IN_OUTBOX = List.of(DeliveryState.QUEUED, DeliveryState.RETRYING,
            DeliveryState.HELD_UNVERIFIED, DeliveryState.POSTING);

    private final OutboxStore store;
    private final Tickets tickets;
    private final DeskActivity activity;
    private final AgentDirectory directory;
    private final Map<Network, NetworkClient> networks;
    private final ReplyPolicy policy;
    private final RetrySchedule retries;
    private final Delivery delivery;
    private final ReplyApproval approval;
    private final AgentGroups agents;
    private final Clock clock;

    public Outbox(Database db, Tickets tickets, DeskActivity activity, AgentDirectory directory,
                  Map<Network, NetworkClient> networks, ReplyPolicy policy,
                  RetrySchedule retries, ReplyApproval approval, AgentGroups agents, Clock clock) {
        this.store = new OutboxStore(db);
        this.tickets = tickets;
        this.activity = activity;
        this.directory = directory;
        this.networks = networks; // live: channels attach and detach while it runs
        this.policy = policy;
        this.retries = retries;
        this.delivery = new Delivery(db, retries, clock);
        this.approval = approval;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * Takes the reply in this host transaction into the outbox, once. Answers false when the
     * transaction is not an agent's reply on a social ticket or was taken before.
     */
    public boolean accept(long transactionId) {
        if (store.has(transactionId)) {
            return false;
        }
        Optional<AgentReply> reply = activity.agentReply(transactionId);
        if (reply.isEmpty()) {
            return false;
        }
        // No stale or duplicate answers: what the agent could not have seen when starting this reply.
        Long seen = reply.get().seenTransactionId();
        List<String> overtaken = seen == null || seen >= transactionId ? List.of()
                : activity.overtakingActivity(reply.get().ticketId(), seen, transactionId, reply.get().agent());
        boolean fresh = store.add(transactionId, () -> {
            OutboxEntry entry = new OutboxEntry(reply.get(), clock.instant());
            approval.holdReason(reply.get(), tickets).ifPresent(entry::approvalNeeded);
            if (!overtaken.isEmpty()) {
                entry.end(DeliveryState.HELD_FOR_COLLISION, "since you opened the ticket, " + String.join("; ", overtaken)
                        + ". Nothing was posted: read what is new, and send your reply again if it still fits",
                        clock.instant());
            }
            return entry;
        });
        if (fresh && !overtaken.isEmpty()) {
            LOG.info("Reply of transaction {} on ticket {} held for collision: {}", transactionId, reply.get().ticketId(),
                    String.join("; ", overtaken));
        }
        return fresh;
    }

    /**
     * Replies left mid-post by a crash may or may not be on the network: each is looked up before it is
     * posted again (and marked uncertain when the network cannot say for long). Call once at start,
     * before delivering.
     */
    public int settleInterrupted() {
        List<Long> ids = store.inState(DeliveryState.POSTING);
        for (Long id : ids) {
            store.change(id, e -> {
                e.unconfirmed(e.updatedAt(), clock.instant(), "the plugin stopped while posting this reply; it is looked up"
                        + " on the network before it is posted again", clock.instant());
            });
        }
        return ids.size();
    }

    /** Posts the replies that are due and writes pending outcomes back to the host. */
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<Long> due = store.due(PENDING, now, max);
        for (Long id : due) {
            deliver(id);
        }
        writeBackPending(max);
        return due.size();
    }

    /** Replies not yet in a final state: the outbox size on the health page. */
    public long size() {
        return store.count(IN_OUTBOX);
    }

    private void deliver(long transactionId) {
        OutboxEntry entry = store.entry(transactionId);
        // Asked before anything else (an approval included), and again on every try until a first post is out.
        if (entry.postsDone() == 0 && !speaksForBrand(entry)) {
            return;
        }
        Conversation conversation = store.conversationOn(entry.ticketId());
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
            posts = policy.compose(entry.reply(), conversation, store.publicParticipants(conversation),
                    Participants.of(conversation, store.writers(conversation), store.answeredPrivately(conversation)));
        } catch (ReplyBlockedException e) {
            finish(transactionId, DeliveryState.BLOCKED, e.in(tickets));
            return;
        } catch (ReplyRefusedException e) {
            finish(transactionId, DeliveryState.REFUSED, e.in(tickets));
            return;
        }
        if (entry.awaitsApproval() && posts.stream().anyMatch(p -> p.visibility() == ReplyVisibility.PUBLIC)) {
            store.change(transactionId, row -> row.holdForApproval(clock.instant()));
            LOG.info("Reply of transaction {} on ticket {} held for approval", transactionId, entry.ticketId());
            return;
        }
        // Posts already on the network (a Move to private's acknowledgement) are never posted again.
        for (int step = entry.postsDone(); step < posts.size(); step++) {
            OutboundPost post = posts.get(step).continuesThread()
                    ? posts.get(step).answering(lastPosted(transactionId)) : posts.get(step);
            OutboxEntry before = store.entry(transactionId);
            String made = step > 0 ? " (after " + step + " of its " + posts.size() + " posts were made)" : "";
            Delivery.Outcome outcome = delivery.deliver(network, new Delivery.PlannedPost(post,
                    idempotencyKey(transactionId, step), before.attempts(), before.unconfirmedSince(), before.postedText(),
                    before.lastError()), journal(transactionId));
            if (!(outcome instanceof Delivery.Posted done)) {
                record(transactionId, outcome, made);
                return;
            }
            store.posted(transactionId, conversation, post, done.message(), clock.instant());
            if (done.found()) {
                LOG.info("Found part {} of the reply of transaction {} on ticket {} already on the network as {}:"
                        + " recorded, not posted again", step + 1, transactionId, entry.ticketId(), done.message().id());
            } else {
                LOG.info("Posted {} of transaction {} on ticket {} as {} {}", posts.size() > 1 ? "part " + (step + 1) + "/"
                        + posts.size() + " of the reply" : "the reply", transactionId, entry.ticketId(),
                        post.visibility().label(), done.message().id());
            }
        }
        store.change(transactionId, row -> row.posted(clock.instant()));
    }

    /** The reply's row records each step of a post's delivery durably, before the next. */
    private Delivery.Journal journal(long transactionId) {
        return new Delivery.Journal() {
            @Override
            public void posting(String text, Instant at) {
                store.change(transactionId, row -> row.posting(text, at));
            }

            @Override
            public void absent(Instant at) {
                store.change(transactionId, row -> row.confirmedAbsent(at));
            }
        };
    }

    /** What a post's delivery came to, short of being posted, in the reply's row; {@code made} says how far it got. */
    private void record(long transactionId, Delivery.Outcome outcome, String made) {
        Instant now = clock.instant();
        if (outcome instanceof Delivery.Retry retry) {
            store.change(transactionId, row -> row.retryAt(retry.at(), retry.why(), now));
            LOG.warn("Reply of transaction {} not posted yet ({}); next try at {}", transactionId, retry.why(), retry.at());
        } else if (outcome instanceof Delivery.Failed failed) {
            finish(transactionId, DeliveryState.FAILED, failed.why() + made);
        } else if (outcome instanceof Delivery.NoAnswer lost) {
            store.change(transactionId, row -> row.unconfirmed(lost.since(), lost.lookUpAt(),
                    lost.error(), now));
            LOG.warn("Reply of transaction {}: no answer from the network ({}); looking it up at {} before posting again",
                    transactionId, lost.error(), lost.lookUpAt());
        } else if (outcome instanceof Delivery.NotKnown unknown) {
            store.change(transactionId, row -> row.unconfirmed(unknown.since(), unknown.lookUpAt(),
                    "not known whether the network took the reply; looking it up failed: " + unknown.why(), now));
            LOG.warn("Reply of transaction {}: could not look up whether the network took it ({}); next look at {}",
                    transactionId, unknown.why(), unknown.lookUpAt());
        } else if (outcome instanceof Delivery.Uncertain uncertain) {
            finish(transactionId, DeliveryState.UNCERTAIN, "the network did not answer when the reply was posted at "
                    + uncertain.since() + ", and could not be asked since whether it took it (" + uncertain.why() + ");"
                    + " check the conversation there, and send the reply again only if it is missing");
        }
    }

    /**
     * Whether the reply's author is one of the agents: anyone else's reply is refused, once and for good;
     * while the help desk cannot say, the reply is held and asked about again later (never posted on doubt).
     */
    private boolean speaksForBrand(OutboxEntry entry) {
        try {
            if (directory.memberOfAny(entry.agent(), agents.names())) {
                return true;
            }
            finish(entry.transactionId(), DeliveryState.REFUSED, agents.notAMember(entry.agent()));
        } catch (RuntimeException e) {
            String why = agents.unknown(entry.agent(), e.getMessage());
            store.change(entry.transactionId(), row -> row
                    .holdUnverified(why, clock.instant().plus(AUTHOR_RECHECK), clock.instant()));
            LOG.warn("Reply of transaction {} on ticket {} held: {}", entry.transactionId(), entry.ticketId(), why);
        }
        return false;
    }

    /** The network id of the reply's latest post: the next part of a numbered thread answers it. */
    private String lastPosted(long transactionId) {
        String ids = store.entry(transactionId).postId();
        return ids.substring(ids.lastIndexOf(' ') + 1);
    }

    /**
     * A supervisor approved, in the help desk's transaction {@code decision}, the replies held on this
     * ticket: those written before it are posted on the next pass, once. Those written after it stay
     * held for the next decision: nobody approved what they say. Answers how many were released.
     */
    public int approve(long ticketId, String by, long decision) {
        return store.decideHeld(ticketId, decision, e -> e.approve(by, clock.instant()));
    }

    /**
     * A supervisor rejected, in transaction {@code decision}, the replies held on this ticket and written
     * before it: none of them is posted; the agent reads why on the ticket.
     */
    public int reject(long ticketId, String by, String note, long decision) {
        String why = "rejected by " + by + (note == null || note.isBlank() ? " (no note given)" : ": " + note.strip());
        return store.decideHeld(ticketId, decision, e -> e.end(DeliveryState.REFUSED, why, clock.instant()));
    }

    @Override
    public boolean knows(DeliveryReceipt receipt) {
        return store.byDirectMessage(OutboxStore.directMessage(receipt.network(), receipt.postId())) != null;
    }

    /**
     * Shows on the reply's transaction what the network says became of its direct message ({@code Social
     * Delivery}: sent, delivered, read; failed with the network's error, and a comment on the ticket).
     * Receipts arrive late, twice, out of order and in parallel: only one that moves the message forward
     * changes the row, under its lock. A receipt for a message no reply sent (a follow-up's, or one posted
     * before this version) answers false.
     */
    @Override
    public boolean receive(DeliveryReceipt receipt) {
        Long id = store.byDirectMessage(OutboxStore.directMessage(receipt.network(), receipt.postId()));
        if (id == null) {
            LOG.debug("A {} receipt for {}: no reply sent it", receipt.network().displayName(), receipt.postId());
            return false;
        }
        boolean moved = store.changed(id, row -> row.receive(receipt, clock.instant()));
        if (moved && receipt.status() == DeliveryReceipt.Status.FAILED) {
            LOG.warn("Reply of transaction {} failed on {}: {}", id, receipt.network().displayName(),
                    receipt.error());
        }
        return moved;
    }

    /** Replies on this ticket waiting for a supervisor now. */
    public long heldForApproval(long ticketId) {
        return store.count(ticketId, DeliveryState.HELD_FOR_APPROVAL);
    }

    /** Replies that finally failed or whose outcome is unknown after a crash, for the health page: each needs a human. */
    public long failed() {
        return store.count(List.of(DeliveryState.FAILED, DeliveryState.UNCERTAIN));
    }

    /** Replies waiting for a supervisor, for the health page. */
    public long heldForApproval() {
        return store.count(List.of(DeliveryState.HELD_FOR_APPROVAL));
    }

    /**
     * Stable across retries and restarts: the host's transaction and the post's place in the reply are
     * its identity (the first post keeps the key replies had before they could have several).
     */
    static String idempotencyKey(long transactionId, int step) {
        return "socialcare-reply-" + transactionId + (step == 0 ? "" : "-" + (step + 1));
    }

    private void retry(long id, String error, Instant resetAt) {
        int attempts = store.entry(id).attempts();
        if (retries.exhausted(attempts)) {
            finish(id, DeliveryState.FAILED, error + " (gave up after " + attempts + " attempts)");
            return;
        }
        Instant next = retries.next(Math.max(attempts, 1), clock.instant(), resetAt);
        store.change(id, row -> row.retryAt(next, error, clock.instant()));
        LOG.warn("Reply of transaction {} not posted yet ({}); next try at {}", id, error, next);
    }

    private void finish(long transactionId, DeliveryState state, String error) {
        store.change(transactionId, row -> row.end(state, error, clock.instant()));
        LOG.warn("Reply of transaction {} {}: {}", transactionId, state.label(), error);
    }

    /** Outcomes go to the host after the fact, so a host outage delays them but never loses them. */
    private void writeBackPending(int max) {
        List<Long> pending = store.awaitingWriteBack(max);
        for (Long id : pending) {
            OutboxEntry e = store.entry(id);
            Map<MessageField, String> fields = new LinkedHashMap<>();
            if (e.postId() != null) {
                fields.put(MessageField.POST_ID, e.postId());
            }
            fields.put(MessageField.DELIVERY, e.deliveryLabel());
            if (e.recipient() != null) {
                fields.put(MessageField.RECIPIENT, e.recipient());
            }
            try {
                tickets.recordDelivery(id, fields);
                if (e.state() == DeliveryState.HELD_FOR_APPROVAL) {
                    tickets.comment(e.ticketId(), "Social Care Bridge: the reply of transaction #" + id + " is held until a"
                            + " supervisor approves it (" + e.lastError() + "). A member of Social Team Leads sets "
                            + tickets.field(TicketField.APPROVAL) + " to Approve to post it, or to Reject with the reason"
                            + " in " + tickets.field(TicketField.APPROVAL_NOTE) + "; a decision covers the replies"
                            + " written before it.");
                } else if (e.state() == DeliveryState.HELD_UNVERIFIED) {
                    tickets.comment(e.ticketId(), "Social Care Bridge: the reply of transaction #" + id
                            + " is held, not posted: " + e.lastError() + ".");
                } else if (e.state() == DeliveryState.QUEUED) {
                    // approved: what becomes of it is written back once it is posted
                } else if (e.state() == DeliveryState.UNCERTAIN) {
                    tickets.comment(e.ticketId(), "Social Care Bridge: the reply of transaction #" + id
                            + " may or may not have reached the customer (uncertain): " + e.lastError());
                } else if (e.state() != DeliveryState.POSTED) {
                    tickets.comment(e.ticketId(), "Social Care Bridge: the reply of transaction #" + id
                            + " was NOT delivered to the customer (" + e.state().label() + "): " + e.lastError());
                }
                // As for follow-ups: only what was shown is marked shown; a row that changed meanwhile (an
                // approval, a post) stays pending and is shown next time.
                store.change(id, row -> {
                    if (row.state() == e.state() && row.receipt() == e.receipt()
                            && java.util.Objects.equals(row.updatedAt(), e.updatedAt())) {
                        row.hostUpdated();
                    }
                });
            } catch (RuntimeException ex) {
                LOG.warn("Could not write the delivery outcome of transaction {} back to the help desk yet: {}", id,
                        ex.getMessage());
                return;
            }
        }
    }
}
