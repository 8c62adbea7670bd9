package org.socialcarebridge.routes.rt;

import java.time.Clock;

import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.host.TransactionFeed;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.Outbox;

/**
 * Reads RT's reply transactions after the last one seen, so a reply whose scrip notification was
 * lost (plugin down, network blip) still reaches the outbox. Starts at RT's newest transaction on a
 * fresh install, so replies written before the plugin existed are never sent.
 */
public final class RtReplyReconciler {
    static final String CURSOR = "rt:transactions";

    private final TransactionFeed<Long> replies;
    private final Outbox outbox;

    public RtReplyReconciler(HostGateway host, Outbox outbox, Database db, Clock clock) {
        this.replies = new TransactionFeed<>(db, CURSOR, host::latestTransactionId, host::replyTransactionsAfter, id -> id, clock);
        this.outbox = outbox;
    }

    /** The last transaction id reconciled, for the health page. */
    public String position() {
        return replies.position();
    }

    /** Answers how many replies entered the outbox. */
    public int reconcile() {
        return replies.read(outbox::accept);
    }
}
