package org.socialcarebridge.routes.rt;

import java.time.Clock;
import java.util.OptionalLong;

import org.socialcarebridge.host.DeskActivity;
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
    /** Where the reconciler started, kept beside its cursor: the cursor moves on, the start does not. */
    static final String START = "rt:transactions:start";

    private final TransactionFeed<Long> replies;
    private final Outbox outbox;
    private final Database db;
    private final Clock clock;
    /** The start point once recorded: it never moves, so every notification need not read it again. */
    private volatile OptionalLong start = OptionalLong.empty();

    public RtReplyReconciler(DeskActivity activity, Outbox outbox, Database db, Clock clock) {
        this.replies = new TransactionFeed<>(db, CURSOR, activity::latestTransactionId, activity::replyTransactionsAfter,
                id -> id, clock);
        this.outbox = outbox;
        this.db = db;
        this.clock = clock;
    }

    /** The last transaction id reconciled, for the health page. */
    public String position() {
        return replies.position();
    }

    /**
     * The transaction the reconciler started after: RT's newest when the plugin first read RT (on an
     * install older than this record, where its cursor stood at the first read since); empty before
     * then. Replies at or before it were never to be sent, so a notification naming one is ignored.
     */
    public OptionalLong startPoint() {
        if (start.isEmpty()) {
            String kept = db.cursor(START);
            start = kept == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(kept));
        }
        return start;
    }

    /** Answers how many replies entered the outbox. */
    public int reconcile() {
        recordStart(); // an install from before the start was recorded: where its cursor stands
        int taken = replies.read(outbox::accept);
        recordStart(); // a fresh install: the first read put the cursor at RT's newest
        return taken;
    }

    private void recordStart() {
        if (startPoint().isEmpty()) {
            String position = replies.position();
            if (position != null) {
                db.moveCursor(START, position, clock.instant());
            }
        }
    }
}
