package org.socialcarebridge.routes.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApproval;
import org.socialcarebridge.reply.ReplyPolicy;

/** Where the reconciler started, which the notification endpoint uses to ignore what came before the plugin. */
class RtReplyReconcilerTest {
    final Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    final AtomicLong newest = new AtomicLong(100);
    /** RT with no replies, only a newest transaction id. */
    final HostGateway host = (HostGateway) Proxy.newProxyInstance(HostGateway.class.getClassLoader(),
            new Class<?>[]{HostGateway.class}, (proxy, method, args) -> switch (method.getName()) {
                case "latestTransactionId" -> newest.get();
                case "replyTransactionsAfter" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFreshInstallStartsAtRtsNewestTransactionAndTheStartStays() {
        RtReplyReconciler reconciler = new RtReplyReconciler(host, outbox(), db, Clock.systemUTC());
        assertEquals(OptionalLong.empty(), reconciler.startPoint(), "no start point before the first read");

        reconciler.reconcile();
        assertEquals(OptionalLong.of(100), reconciler.startPoint(), "a fresh install starts at RT's newest");

        db.moveCursor(RtReplyReconciler.CURSOR, "180", Instant.now()); // replies read since
        newest.set(250);
        reconciler.reconcile();
        assertEquals(OptionalLong.of(100), reconciler.startPoint(), "the cursor moves on, the start does not");
        assertEquals(OptionalLong.of(100), new RtReplyReconciler(host, outbox(), db, Clock.systemUTC()).startPoint(),
                "kept across restarts");
    }

    @Test
    void anInstallFromBeforeTheStartWasKeptStartsWhereItsCursorStands() {
        db.moveCursor(RtReplyReconciler.CURSOR, "180", Instant.now());
        RtReplyReconciler reconciler = new RtReplyReconciler(host, outbox(), db, Clock.systemUTC());
        reconciler.reconcile();
        assertEquals(OptionalLong.of(180), reconciler.startPoint());
    }

    Outbox outbox() {
        return new Outbox(db, host, host, host, Map.of(), new ReplyPolicy(SampleChannels.BOTH), RetrySchedule.standard(), new ReplyApproval(100),
                org.socialcarebridge.reply.AgentGroups.DEFAULT, Clock.systemUTC());
    }
}
