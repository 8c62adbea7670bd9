package org.socialcarebridge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts that came before what they are about was recorded. A network may report a message delivered
 * before its send has answered (WhatsApp's webhook races the Cloud API's reply), so a receipt about a message
 * the sink does not know yet is kept for a while and offered again ({@link #offerAgain}), after 1, 2, 4…
 * seconds (at most every {@link #MOST_BETWEEN}); it is dropped once taken, once older than {@code patience},
 * and not kept when {@code capacity} wait already (said once in the log). Old news about a known message is
 * never kept. Statuses of messages other tools sent on the same number are never taken, and wait out their
 * patience. Kept in memory: a restart within that moment loses only a status the next one supersedes.
 */
public final class EarlyReceipts implements DeliveryReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyReceipts.class);
    /** The longest wait between two offers of one receipt. */
    static final Duration MOST_BETWEEN = Duration.ofSeconds(30);

    private final DeliveryReceipts sink;
    private final Duration patience;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean saidFull = new AtomicBoolean();

    private record Waiting(DeliveryReceipt receipt, Instant since, Instant next, int offers) {
        Waiting offered(Instant now) {
            long seconds = Math.min(1L << Math.min(offers, 20), MOST_BETWEEN.toSeconds());
            return new Waiting(receipt, since, now.plusSeconds(seconds), offers + 1);
        }
    }

    /**
     * @param sink     where receipts go (the outbox, then the follow-ups)
     * @param patience how long a receipt waits for its message to be recorded
     * @param capacity how many may wait at once
     */
    public EarlyReceipts(DeliveryReceipts sink, Duration patience, int capacity, Clock clock) {
        this.sink = sink;
        this.patience = patience;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Offers it to the sink; one about a message not recorded yet waits (the furthest per message). */
    @Override
    public boolean receive(DeliveryReceipt receipt) {
        if (sink.receive(receipt)) {
            return true;
        }
        if (sink.knows(receipt)) {
            return false; // old news, or a duplicate
        }
        Instant now = clock.instant();
        if (waiting.size() >= capacity && !waiting.containsKey(key(receipt))) {
            if (saidFull.compareAndSet(false, true)) {
                LOG.warn("{} receipts already wait for their messages to be recorded; more are not kept until some are"
                        + " taken or dropped (after {}): their statuses may not show on the replies", capacity, patience);
            }
            return false;
        }
        waiting.merge(key(receipt), new Waiting(receipt, now, now, 0).offered(now), (old, fresh) ->
                fresh.receipt().status().rank() >= old.receipt().status().rank()
                        ? new Waiting(fresh.receipt(), old.since(), old.next(), old.offers()) : old);
        return false;
    }

    @Override
    public boolean knows(DeliveryReceipt receipt) {
        return sink.knows(receipt);
    }

    /** Offers the receipts whose turn it is again; answers how many were taken now. */
    public int offerAgain() {
        int taken = 0;
        Instant now = clock.instant();
        Instant tooOld = now.minus(patience);
        for (Map.Entry<String, Waiting> e : waiting.entrySet()) {
            Waiting w = e.getValue();
            if (w.since().isBefore(tooOld)) {
                waiting.remove(e.getKey(), w);
            } else if (!w.next().isAfter(now)) {
                if (sink.receive(w.receipt())) {
                    taken++;
                    waiting.remove(e.getKey(), w);
                } else if (sink.knows(w.receipt())) {
                    waiting.remove(e.getKey(), w); // recorded meanwhile, and what waited was old news by then
                } else {
                    waiting.replace(e.getKey(), w, w.offered(now));
                }
            }
        }
        if (waiting.size() < capacity) {
            saidFull.set(false);
        }
        return taken;
    }

    /** How many receipts wait for their message now. */
    public int waiting() {
        return waiting.size();
    }

    private static String key(DeliveryReceipt r) {
        return r.network().key() + ":" + r.postId();
    }
}
