package org.socialcarebridge.simulator.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Supplier;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.socialcarebridge.simulator.WebhookDeliveries;

/**
 * Meta's webhook delivery, on the simulator's clock: entries queue up and go out batched in one
 * {@code {"object":"page","entry":[...]}} POST, signed over the exact bytes sent. One app gets the
 * Page's, the Instagram account's ({@code "object":"instagram"}) and the WhatsApp Business Account's
 * ({@code "object":"whatsapp_business_account"}) updates on the same callback with the same secret; a
 * delivery holds one object's entries only. A failed delivery
 * (anything but 200, or no answer) is retried at once, then after 1, 5, 15 and 30 minutes and hourly,
 * with the same bytes, for up to 36 hours. After an hour of failures the app is unsubscribed from the
 * Page, as Messenger does, and what was pending is dropped: the plugin must read it back from the
 * Graph API. The queue, retries, faults and log are {@link WebhookDeliveries}; Meta's own part is the
 * batching, the signature headers, the handshake and the subscription.
 */
final class MetaWebhooks implements AutoCloseable {
    /** Meta sends up to 1000 updates in one delivery. */
    static final int MAX_BATCH = 1000;
    private static final WebhookDeliveries.Schedule SCHEDULE =
            new WebhookDeliveries.Schedule(new long[] {0, 60, 300, 900, 1800, 3600}, Duration.ofHours(36), 0);

    /**
     * Meta escapes non-ASCII characters and slashes in what it sends, so a receiver that re-serialises
     * the JSON before checking the signature fails; the simulator does the same.
     */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static final String PAGE = "page";
    static final String INSTAGRAM = "instagram";
    static final String WHATSAPP = "whatsapp_business_account";

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
    private final List<Map<String, Object>> log = new ArrayList<>();
    private final WebhookDeliveries deliveries;
    private volatile Set<String> subscribedFields;
    // Guarded by the deliveries' lock (beforeEachPass runs under it).
    private volatile int batchAtLeast = 1;

    MetaWebhooks(Supplier<Instant> clock, String callbackUrl, String appSecret, String verifyToken, Set<String> fields) {
        this.clock = clock;
        this.callbackUrl = callbackUrl;
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.verifyToken = verifyToken;
        this.subscribedFields = fields;
        this.deliveries = new WebhookDeliveries("meta-sim-webhooks", clock, callbackUrl, this::sign, SCHEDULE,
                status -> status == 200, log);
        deliveries.beforeEachPass(this::formBatches);
        deliveries.disableAfter(Duration.ofHours(1), this::disable);
    }

    /** Queues one entry if the app is subscribed to its field; false when it is dropped (no subscription). */
    boolean publish(Entry entry) {
        Set<String> fields = subscribedFields;
        if (PAGE.equals(entry.object()) && (fields == null || !fields.contains(entry.field()))) {
            return false;
        }
        queued.add(entry);
        deliveries.wake();
        return true;
    }

    /** The fields the app is subscribed to on the Page, or null when it is not subscribed. */
    Set<String> subscription() {
        return subscribedFields;
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
        deliveries.note(Map.of("object", PAGE), failure == null ? "verified" : "verification_failed",
                Map.of("detail", failure == null ? "" : failure));
        if (failure == null) {
            subscribedFields = Set.copyOf(fields);
        }
        return failure;
    }

    void unsubscribe() {
        subscribedFields = null;
    }

    /**
     * A webhook fault: {@code batch} (hold until N entries go in one delivery), or one every network's
     * webhooks take ({@link WebhookDeliveries#FAULTS}).
     */
    void fault(JsonNode f) {
        if ("batch".equals(f.path("webhook").asText())) {
            batchAtLeast = Math.max(1, Math.min(MAX_BATCH, f.path("count").asInt(1)));
            deliveries.wake();
        } else {
            deliveries.fault(f);
        }
    }

    List<Map<String, Object>> deliveries() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Runs every delivery due by the simulator's clock now, on the caller's thread; tests call it to be exact. */
    void flush() {
        deliveries.flush();
    }

    /** Wakes the worker after the clock moved. */
    void clockMoved() {
        deliveries.wake();
    }

    void reset() {
        queued.clear();
        deliveries.reset();
        batchAtLeast = 1;
        synchronized (log) {
            log.clear();
        }
    }

    /** Under the deliveries' lock: forms batches from the queue once a batch fault's threshold is reached. */
    private void formBatches() {
        boolean forced = batchAtLeast > 1;
        if (!queued.isEmpty() && queued.size() >= batchAtLeast) {
            batchAtLeast = 1;
            while (!queued.isEmpty()) {
                batch(forced);
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
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("object", object);
            labels.put("entries", updates);
            deliveries.submit(body, labels);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messenger's rule: after an hour of failures the app is unsubscribed and what was pending is lost. */
    private void disable() {
        queued.clear();
        subscribedFields = null;
        deliveries.note(Map.of("object", PAGE), "disabled",
                Map.of("detail", "the app was unsubscribed from the Page after an hour of failed deliveries"));
    }

    private Map<String, String> sign(byte[] body, boolean forged) {
        return Map.of("X-Hub-Signature-256", "sha256=" + hmac(forged ? "forged".getBytes(StandardCharsets.UTF_8) : appSecret,
                        "HmacSHA256", body),
                "X-Hub-Signature", "sha1=" + hmac(appSecret, "HmacSHA1", body));
    }

    static String hmac(byte[] key, String algorithm, byte[] body) {
        return HexFormat.of().formatHex(WebhookDeliveries.hmac(key, algorithm, body));
    }

    @Override
    public void close() {
        deliveries.close();
    }
}
