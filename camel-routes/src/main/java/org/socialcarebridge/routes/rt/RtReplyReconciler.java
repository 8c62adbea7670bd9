package org.socialcarebridge.routes.rt;

import java.time.Clock;
import java.util.List;

import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.Outbox;

/**
 * Reads RT's reply transactions after the last one seen, so a reply whose scrip notification was
 * lost (plugin down, network blip) still reaches the outbox. Starts at RT's newest transaction on a
 * fresh install, so replies written before the plugin existed are never sent.
 */
public final class RtReplyReconciler {
    static final String CURSOR = "rt:transactions";

    private final HostGateway host;
    private final Outbox outbox;
    private final Database db;
    private final Clock clock;

    public RtReplyReconciler(HostGateway host, Outbox outbox, Database db, Clock clock) {
        this.host = host;
        this.outbox = outbox;
        this.db = db;
        this.clock = clock;
    }

    /** The last transaction id reconciled, for the health page. */
    public String position() {
        return db.cursor(CURSOR);
    }

    /** Answers how many replies entered the outbox. */
    public int reconcile() {
        String position = db.cursor(CURSOR);
        if (position == null) {
            db.moveCursor(CURSOR, String.valueOf(host.latestTransactionId()), clock.instant());
            return 0;
        }
        long after = Long.parseLong(position);
        int taken = 0;
        List<Long> ids;
        do {
            ids = host.replyTransactionsAfter(after, 100);
            for (long id : ids) {
                if (outbox.accept(id)) {
                    taken++;
                }
                after = Math.max(after, id);
            }
            db.moveCursor(CURSOR, String.valueOf(after), clock.instant());
        } while (ids.size() == 100);
        return taken;
    }
}
