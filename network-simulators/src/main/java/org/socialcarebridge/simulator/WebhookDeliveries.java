package org.socialcarebridge.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One callback URL's webhook deliveries, on a simulator's clock, as Meta and X send them: signed over
 * the exact bytes sent, retried with the same bytes on the network's schedule, every attempt logged
 * ({@code GET /sim/webhooks}), and the faults tests ask for ({@code duplicate}, {@code forge},
 * {@code delay}, {@code reorder}). One worker thread delivers, so deliveries never overlap; a network
 * that batches ({@link #beforeEachPass}) forms its bodies under the same lock.
 */
public final class WebhookDeliveries implements AutoCloseable {
    /** The fault kinds every network's webhooks take on {@code POST /sim/faults}. */
    public static final List<String> FAULTS = List.of("duplicate", "forge", "delay", "reorder");

    /** How a network signs a body: the headers to send; {@code forged} signs with a wrong secret. */
    @FunctionalInterface
    public interface Signer {
        Map<String, String> headers(byte[] body, boolean forged);
    }

    /**
     * When to try again: {@code retrySeconds[n-1]} after the n-th failed attempt (the last value
     * repeats; 0 retries in the same pass), giving up after {@code giveUpAfter} since the first attempt
     * or after {@code maxAttempts} (0: no limit).
     */
    public record Schedule(long[] retrySeconds, Duration giveUpAfter, int maxAttempts) {
        public Schedule {
            if (retrySeconds.length == 0) {
                throw new IllegalArgumentException("retrySeconds is empty: give at least one wait, e.g. {10, 60, 300}");
            }
            // An immediate retry repeating for ever would hold the delivery thread in one pass.
            if (retrySeconds[retrySeconds.length - 1] == 0 && giveUpAfter == null && maxAttempts == 0) {
                throw new IllegalArgumentException("retrySeconds ends with 0 and nothing ends the retries: set giveUpAfter or"
                        + " maxAttempts, or end retrySeconds with a wait above 0");
            }
        }
    }

    private static final class Delivery {
        final int id;
        final byte[] body;
        final Map<String, Object> labels;
        Instant firstAttempt;
        Instant due;
        int attempts;

        Delivery(int id, byte[] body, Map<String, Object> labels) {
            this.id = id;
            this.body = body;
            this.labels = labels;
        }
    }

    private record Submitted(byte[] body, Map<String, Object> labels) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<Instant> clock;
    private final Signer signer;
    private final Schedule schedule;
    private final IntPredicate accepted;
    private final ConcurrentLinkedQueue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Delivery> pending = new ArrayList<>();
    private final List<Map<String, Object>> log;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile String url;
    // Guarded by lock.
    private Runnable beforeEachPass = () -> { };
    private Duration disableAfter;
    private Runnable onDisabled = () -> { };
    private Instant failingSince;
    private int nextId = 1;
    private int duplicates;
    private int forged;
    private int delayed;
    private long delaySeconds;
    private int reorderLeft;
    private final List<Delivery> held = new ArrayList<>();

    /**
     * Starts the worker; {@code log} is where attempts are recorded (several callback URLs may share
     * one list, as X's webhooks share {@code GET /sim/webhooks}).
     */
    public WebhookDeliveries(String name, Supplier<Instant> clock, String url, Signer signer, Schedule schedule,
                             IntPredicate accepted, List<Map<String, Object>> log) {
        this.clock = clock;
        this.url = url;
        this.signer = signer;
        this.schedule = schedule;
        this.accepted = accepted;
        this.log = log;
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Runs under the lock before each pass: a network that batches turns its queue into {@link #submit}s here. */
    public void beforeEachPass(Runnable hook) {
        lock.lock();
        try {
            beforeEachPass = hook;
        } finally {
            lock.unlock();
        }
    }

    /**
     * After this long of nothing but failures the network disables the subscription: what is pending is
     * dropped (logged) and {@code onDisabled} runs, under the lock.
     */
    public void disableAfter(Duration failing, Runnable onDisabled) {
        lock.lock();
        try {
            this.disableAfter = failing;
            this.onDisabled = onDisabled;
        } finally {
            lock.unlock();
        }
    }

    public void url(String url) {
        this.url = url;
    }

    /** Queues one body for delivery; {@code labels} go into every log line about it. Never blocks on a delivery. */
    public void submit(byte[] body, Map<String, Object> labels) {
        submitted.add(new Submitted(body, labels));
        wake();
    }

    /** Applies a webhook fault from {@code POST /sim/faults}: one of {@link #FAULTS}, with {@code count} (and {@code seconds}). */
    public void fault(JsonNode f) {
        lock.lock();
        try {
            int count = Math.max(1, f.path("count").asInt(1));
            switch (f.path("webhook").asText("")) {
                case "duplicate" -> duplicates += count;
                case "forge" -> forged += count;
                case "delay" -> {
                    delayed += count;
                    delaySeconds = Math.max(1, f.path("seconds").asLong(60));
                }
                case "reorder" -> reorderLeft = Math.max(2, count);
                default -> throw new IllegalArgumentException(f.toString());
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records a line that is not one delivery's attempt (a handshake, a subscription disabled). */
    public void note(Map<String, Object> labels, String status, Map<String, Object> extra) {
        Map<String, Object> e = new LinkedHashMap<>(labels);
        e.put("status", status);
        e.put("time", clock.get().toString());
        e.putAll(extra);
        synchronized (log) {
            log.add(e);
        }
    }

    /** Runs every delivery due by the clock now, on the caller's thread; tests call it to be exact. */
    public void flush() {
        lock.lock();
        try {
            runDue();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the worker: something was submitted, or the clock moved. */
    public void wake() {
        // The worker may be busy delivering (it holds the lock); it looks at the queue again when done.
        if (lock.tryLock()) {
            try {
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Forgets what is queued, pending and planned; the log is the owner's to clear. */
    public void reset() {
        lock.lock();
        try {
            submitted.clear();
            pending.clear();
            held.clear();
            failingSince = null;
            duplicates = 0;
            forged = 0;
            delayed = 0;
            reorderLeft = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is pending (logged as dropped), as when the subscription or the webhook goes away. */
    public void dropPending() {
        lock.lock();
        try {
            drainSubmitted();
            pending.addAll(held);
            held.clear();
            for (Delivery d : pending) {
                record(d, "dropped", null, false, false);
            }
            pending.clear();
            failingSince = null;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (running) {
                runDue();
                long waitMillis = 500;
                Instant now = clock.get();
                for (Delivery d : pending) {
                    waitMillis = Math.min(waitMillis, Math.max(1, Duration.between(now, d.due).toMillis()));
                }
                if (submitted.isEmpty()) {
                    wake.await(waitMillis, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: moves what was submitted into the pending list, applying delay and reorder faults. */
    private void drainSubmitted() {
        Instant now = clock.get();
        for (Submitted s; (s = submitted.poll()) != null; ) {
            Delivery d = new Delivery(nextId++, s.body(), s.labels());
            d.due = now;
            if (delayed > 0) {
                delayed--;
                d.due = now.plusSeconds(delaySeconds);
                pending.add(d);
            } else if (reorderLeft > 0) {
                held.add(d);
                if (--reorderLeft == 0) {
                    List<Delivery> reversed = new ArrayList<>(held);
                    Collections.reverse(reversed);
                    pending.addAll(reversed);
                    held.clear();
                }
            } else {
                pending.add(d);
            }
        }
    }

    /** Under the lock: attempts every due delivery, oldest first. */
    private void runDue() {
        beforeEachPass.run();
        drainSubmitted();
        for (Iterator<Delivery> it = pending.iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            Instant now = clock.get();
            if (d.due.isAfter(now)) {
                continue;
            }
            if (d.firstAttempt == null) {
                d.firstAttempt = now;
            }
            while (true) {
                if (attempt(d, false)) {
                    it.remove();
                    failingSince = null;
                    if (duplicates > 0) {
                        duplicates--;
                        attempt(d, true);
                    }
                    break;
                }
                if (failingSince == null) {
                    failingSince = now;
                }
                if (disableAfter != null && Duration.between(failingSince, now).compareTo(disableAfter) >= 0) {
                    dropPending();
                    onDisabled.run();
                    return;
                }
                if ((schedule.giveUpAfter() != null && Duration.between(d.firstAttempt, now).compareTo(schedule.giveUpAfter()) >= 0)
                        || (schedule.maxAttempts() > 0 && d.attempts >= schedule.maxAttempts())) {
                    it.remove();
                    record(d, "dropped", null, false, false);
                    break;
                }
                long[] retry = schedule.retrySeconds();
                long wait = retry[Math.min(d.attempts - 1, retry.length - 1)];
                d.due = now.plusSeconds(wait);
                if (wait > 0) {
                    break;
                }
            }
        }
    }

    private boolean attempt(Delivery d, boolean duplicate) {
        d.attempts++;
        boolean forge = forged > 0;
        if (forge) {
            forged--;
        }
        Integer status = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
            signer.headers(d.body, forge).forEach(request::header);
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            status = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean ok = status != null && accepted.test(status);
        record(d, ok ? "delivered" : "failed", status, duplicate, forge);
        return ok;
    }

    private void record(Delivery d, String status, Integer httpStatus, boolean duplicate, boolean forge) {
        Map<String, Object> e = new LinkedHashMap<>(d.labels);
        e.put("status", status);
        e.put("time", clock.get().toString());
        e.put("delivery_id", d.id);
        e.put("attempt", d.attempts);
        e.put("http_status", httpStatus);
        e.put("duplicate", duplicate);
        e.put("forged", forge);
        synchronized (log) {
            log.add(e);
        }
    }

    /** HMAC of {@code body} with {@code key}, e.g. HmacSHA256. */
    public static byte[] hmac(byte[] key, String algorithm, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
