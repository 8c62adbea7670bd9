package org.socialcarebridge.component.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one webhook received since the plugin started, shown on the health endpoint: a run of forged or
 * unsigned requests (someone probing, or a rotated app secret the plugin lacks) and failing deliveries
 * (Meta unsubscribes the app after an hour of them) must be seen, not only logged. Counting is lock-free:
 * a flood costs an increment per request.
 */
public final class WebhookCounters {
    final AtomicLong handshakes = new AtomicLong();
    final AtomicLong handshakesRefused = new AtomicLong();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong unsigned = new AtomicLong();
    final AtomicLong forged = new AtomicLong();
    final AtomicLong tooLarge = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<Instant> lastDelivery = new AtomicReference<>();
    final AtomicReference<Instant> lastRefused = new AtomicReference<>();
    final AtomicReference<String> lastFailure = new AtomicReference<>();

    /** Signed deliveries answered 200, duplicates included. */
    public long deliveries() {
        return deliveries.get();
    }

    /** Deliveries whose events had all been kept before (answered 200, nothing new). */
    public long duplicates() {
        return duplicates.get();
    }

    /** POSTs without the scheme's signature header: 401. */
    public long unsigned() {
        return unsigned.get();
    }

    /** POSTs whose signature is malformed or not the body's: 403. */
    public long forged() {
        return forged.get();
    }

    /** POSTs over the body cap: 413. */
    public long tooLarge() {
        return tooLarge.get();
    }

    /** Signed deliveries the handler could not keep: 500, for the network to retry. */
    public long failed() {
        return failed.get();
    }

    /** The health endpoint's view; names no secret and no sender's text. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveries", deliveries.get());
        m.put("events", events.get());
        m.put("duplicateDeliveries", duplicates.get());
        m.put("failedDeliveries", failed.get());
        m.put("unsigned", unsigned.get());
        m.put("forged", forged.get());
        m.put("tooLarge", tooLarge.get());
        m.put("busy", busy.get());
        m.put("handshakes", handshakes.get());
        m.put("handshakesRefused", handshakesRefused.get());
        m.put("lastDelivery", text(lastDelivery.get()));
        m.put("lastRefused", text(lastRefused.get()));
        m.put("lastFailure", lastFailure.get());
        return m;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
