package org.socialcarebridge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receipts that came before what they are about was recorded. A network may report a message delivered
 * before its send has answered (WhatsApp's webhook races the Cloud API's reply), so a receipt the sink does
 * not take is kept for a while and offered again ({@link #offerAgain}); it is dropped once taken, once older
 * than {@code patience}, or when {@code capacity} are waiting already. Old news (a receipt that would move
 * its message backwards) and statuses of messages other tools sent on the same number are never taken, and
 * simply wait out their patience. Kept in memory: a restart within that moment loses only a status the next
 * one (read) supersedes.
 */
public final class EarlyReceipts implements DeliveryReceipts {
    private final DeliveryReceipts sink;
    private final Duration patience;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    private record Waiting(DeliveryReceipt receipt, Instant since) {
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

    /** Offers it to the sink; a receipt not taken waits (the furthest one per message) to be offered again. */
    @Override
    public boolean receive(DeliveryReceipt receipt) {
        if (sink.receive(receipt)) {
            return true;
        }
        if (waiting.size() < capacity) {
            waiting.merge(key(receipt), new Waiting(receipt, clock.instant()), (old, now) ->
                    now.receipt().status().rank() >= old.receipt().status().rank() ? new Waiting(now.receipt(), old.since()) : old);
        }
        return false;
    }

    /** Offers the waiting receipts again; answers how many were taken now. */
    public int offerAgain() {
        int taken = 0;
        Instant tooOld = clock.instant().minus(patience);
        for (Map.Entry<String, Waiting> e : waiting.entrySet()) {
            Waiting w = e.getValue();
            if (sink.receive(w.receipt())) {
                taken++;
                waiting.remove(e.getKey(), w);
            } else if (w.since().isBefore(tooOld)) {
                waiting.remove(e.getKey(), w);
            }
        }
        return taken;
    }

    /** How many receipts wait now (for their message, or out their patience). */
    public int waiting() {
        return waiting.size();
    }

    private static String key(DeliveryReceipt r) {
        return r.network().key() + ":" + r.postId();
    }
}
