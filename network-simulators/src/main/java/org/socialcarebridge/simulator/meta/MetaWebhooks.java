package org.socialcarebridge.simulator.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook delivery, on the simulator's clock: entries queue up and go out batched in one
 * {@code {"object":"page","entry":[...]}} POST, signed over the exact bytes sent. One app gets the
 * Page's, the Instagram account's ({@code "object":"instagram"}) and the WhatsApp Business Account's
 * ({@code "object":"whatsapp_business_account"}) updates on the same callback with the same secret; a
 * delivery holds one object's entries only. A failed delivery
 * (anything but 200, or no answer) is retried at once, then after 1, 5, 15 and 30 minutes and hourly,
 * with the same bytes, for up to 36 hours. After an hour of failures the app is unsubscribed from the
 * Page, as Messenger does, and what was pending is dropped: the plugin must read it back from the
 * Graph API. One worker thread delivers, so deliveries never overlap.
 */
final class MetaWebhooks implements AutoCloseable {
    /** Meta sends up to 1000 updates in one delivery. */
    static final int MAX_BATCH = 1000;
    private static final long[] BACKOFF_SECONDS = {0, 60, 300, 900, 1800, 3600};
    private static final long GIVE_UP_SECONDS = 36 * 3600;
    private static final long DISABLE_AFTER_SECONDS = 3600;

    /**
     * Meta escapes non-ASCII characters and slashes in what it sends, so a receiver that re-serialises
     * the JSON before checking the signature fails; the simulator does the same.
     */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static final String PAGE = "page";
    static final String INSTAGRAM = "instagram";
    static final String WHATSAPP = "whatsapp_business_account";

    private static final class Delivery {
        final int id;
        final String object;
        final byte[] body;
        final int entries;
        final Instant firstAttempt;
        Instant due;
        int attempts;

        Delivery(int id, String object, byte[] body, int entries, Instant due) {
            this.id = id;
            this.object = object;
            this.body = body;
            this.entries = entries;
            this.firstAttempt = due;
            this.due = due;
        }
    }

    /**
     * An entry waiting for its delivery: its object ({@code page}, {@code instagram},
     * {@code whatsapp_business_account}) and the field the Page's subscription needs ({@code feed},
     * {@code messages}...). The Instagram and WhatsApp fields are subscribed in the app's dashboard,
     * which the simulator takes as done: their entries always go out.
     */
    record Entry(String object, String field, Map<String, Object> json) {
        Entry(String field, Map<String, Object> json) {
            this(PAGE, field, json);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<Instant> clock;
    private final String callbackUrl;
    private final byte[] appSecret;
    private final String verifyToken;
    private final ConcurrentLinkedQueue<Entry> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Delivery> pending = new ArrayList<>();
    private final List<Map<String, Object>> log = new ArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile Set<String> subscribedFields;
    // Guarded by lock.
    private Instant failingSince;
    private int nextId = 1;
    private int batchAtLeast = 1;
    private int duplicates;
    private int forged;

    MetaWebhooks(Supplier<Instant> clock, String callbackUrl, String appSecret, String verifyToken, Set<String> fields) {
        this.clock = clock;
        this.callbackUrl = callbackUrl;
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.verifyToken = verifyToken;
        this.subscribedFields = fields;
        worker = new Thread(this::run, "meta-sim-webhooks");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues one entry if the app is subscribed to its field; false when it is dropped (no subscription). */
    boolean publish(Entry entry) {
        Set<String> fields = subscribedFields;
        if (PAGE.equals(entry.object()) && (fields == null || !fields.contains(entry.field()))) {
            return false;
        }
        queued.add(entry);
        // The worker may be busy delivering (it holds the lock); it looks at the queue again when done.
        if (lock.tryLock()) {
            try {
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /** The fields the app is subscribed to on the Page, or null when it is not subscribed. */
    Set<String> subscription() {
        lock.lock();
        try {
            return subscribedFields;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Subscribes the app, after the GET handshake on the callback URL answered the challenge; answers
     * why not otherwise (null when subscribed).
     */
    String subscribe(Set<String> fields) {
        String challenge = String.valueOf(Math.abs(new java.security.SecureRandom().nextLong()));
        String url = callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + "hub.mode=subscribe&hub.challenge=" + challenge
                + "&hub.verify_token=" + java.net.URLEncoder.encode(verifyToken, StandardCharsets.UTF_8);
        String failure;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            failure = r.statusCode() != 200 ? "HTTP Status Code = " + r.statusCode()
                    : r.body().equals(challenge) ? null : "The response does not match the challenge " + challenge;
        } catch (java.io.IOException e) {
            failure = "Couldn't connect to server " + callbackUrl + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        lock.lock();
        try {
            record(failure == null ? "verified" : "verification_failed", Map.of("detail", failure == null ? "" : failure));
            if (failure == null) {
                subscribedFields = Set.copyOf(fields);
                failingSince = null;
            }
        } finally {
            lock.unlock();
        }
        return failure;
    }

    void unsubscribe() {
        lock.lock();
        try {
            subscribedFields = null;
        } finally {
            lock.unlock();
        }
    }

    /** A webhook fault: {@code batch} (hold until N entries), {@code duplicate} (send the next N twice), {@code forge}. */
    void fault(String kind, int count) {
        lock.lock();
        try {
            switch (kind) {
                case "batch" -> batchAtLeast = Math.max(1, Math.min(MAX_BATCH, count));
                case "duplicate" -> duplicates += count;
                case "forge" -> forged += count;
                default -> throw new IllegalArgumentException(kind);
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<Map<String, Object>> deliveries() {
        lock.lock();
        try {
            return new ArrayList<>(log);
        } finally {
            lock.unlock();
        }
    }

    /** Runs every delivery due by the simulator's clock now, on the caller's thread; tests call it to be exact. */
    void flush() {
        lock.lock();
        try {
            runDue();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the worker after the clock moved. */
    void clockMoved() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void reset() {
        lock.lock();
        try {
            queued.clear();
            pending.clear();
            log.clear();
            failingSince = null;
            batchAtLeast = 1;
            duplicates = 0;
            forged = 0;
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
                wake.await(waitMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: forms batches from the queue, then attempts every due delivery, oldest first. */
    private void runDue() {
        boolean forced = batchAtLeast > 1;
        if (!queued.isEmpty() && queued.size() >= batchAtLeast) {
            batchAtLeast = 1;
            while (!queued.isEmpty()) {
                batch(forced);
            }
        }
        for (Iterator<Delivery> it = pending.iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            Instant now = clock.get();
            if (d.due.isAfter(now)) {
                continue;
            }
            if (attempt(d, false)) {
                it.remove();
                failingSince = null;
                if (duplicates > 0) {
                    duplicates--;
                    attempt(d, true);
                }
                continue;
            }
            if (failingSince == null) {
                failingSince = now;
            }
            if (Duration.between(failingSince, now).getSeconds() >= DISABLE_AFTER_SECONDS) {
                disable();
                return;
            }
            if (Duration.between(d.firstAttempt, now).getSeconds() >= GIVE_UP_SECONDS) {
                it.remove();
                record(d, "dropped", null, false);
                continue;
            }
            d.due = now.plusSeconds(BACKOFF_SECONDS[Math.min(d.attempts - 1, BACKOFF_SECONDS.length - 1)]);
            if (d.attempts == 1) {
                // Meta retries a failed delivery at once before backing off.
                if (attempt(d, false)) {
                    it.remove();
                    failingSince = null;
                } else {
                    d.due = now.plusSeconds(BACKOFF_SECONDS[1]);
                }
            }
        }
    }

    /**
     * One delivery from the head of the queue: up to {@link #MAX_BATCH} entries of the first entry's
     * object. WhatsApp's updates go one a delivery (so a send's {@code delivered} and {@code sent}
     * statuses are two deliveries) unless a batch fault forced a batch; then they are grouped as Meta
     * groups them, into one entry per run of the same kind and one change per run of the same sender.
     */
    private void batch(boolean forced) {
        String object = queued.peek().object();
        boolean whatsapp = WHATSAPP.equals(object);
        List<Map<String, Object>> entries = new ArrayList<>();
        int updates = 0;
        for (Iterator<Entry> it = queued.iterator(); it.hasNext() && updates < MAX_BATCH; ) {
            Entry e = it.next();
            if (!e.object().equals(object)) {
                continue;
            }
            it.remove();
            updates++;
            if (whatsapp) {
                WhatsAppCloud.group(entries, e.json());
                if (!forced) {
                    break;
                }
            } else {
                entries.add(e.json());
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("object", object);
        payload.put("entry", entries);
        try {
            byte[] body = ESCAPING.writeValueAsString(payload).replace("/", "\\/").getBytes(StandardCharsets.US_ASCII);
            pending.add(new Delivery(nextId++, object, body, updates, clock.get()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messenger's rule: after an hour of failures the app is unsubscribed and what was pending is lost. */
    private void disable() {
        for (Delivery d : pending) {
            record(d, "dropped", null, false);
        }
        pending.clear();
        queued.clear();
        subscribedFields = null;
        failingSince = null;
        record("disabled", Map.of("detail", "the app was unsubscribed from the Page after an hour of failed deliveries"));
    }

    private boolean attempt(Delivery d, boolean duplicate) {
        d.attempts++;
        boolean forge = forged > 0;
        if (forge) {
            forged--;
        }
        Integer status = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUrl))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + hmac(forge ? "forged".getBytes(StandardCharsets.UTF_8) : appSecret, "HmacSHA256", d.body))
                    .header("X-Hub-Signature", "sha1=" + hmac(appSecret, "HmacSHA1", d.body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean ok = status != null && status == 200;
        record(d, ok ? "delivered" : "failed", status, duplicate);
        return ok;
    }

    private void record(Delivery d, String status, Integer httpStatus, boolean duplicate) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("object", d.object);
        e.put("status", status);
        e.put("time", clock.get().toString());
        e.put("delivery_id", d.id);
        e.put("attempt", d.attempts);
        e.put("entries", d.entries);
        e.put("http_status", httpStatus);
        e.put("duplicate", duplicate);
        log.add(e);
    }

    /** A subscription event in the same log: the handshake's outcome, or the subscription disabled. */
    private void record(String status, Map<String, Object> extra) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("object", "page");
        e.put("status", status);
        e.put("time", clock.get().toString());
        e.putAll(extra);
        log.add(e);
    }

    static String hmac(byte[] key, String algorithm, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
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
