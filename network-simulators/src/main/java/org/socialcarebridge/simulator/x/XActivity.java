package org.socialcarebridge.simulator.x;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;
import org.socialcarebridge.simulator.WebhookDeliveries;

/**
 * X's real-time side, the X Activity API: webhooks registered under {@code /2/webhooks} (each proven
 * by a CRC: {@code GET <url>?crc_token=T} must answer {@code {"response_token":"sha256=" +
 * base64(HMAC-SHA256(consumer secret, T))}} within 10 seconds), subscriptions under
 * {@code /2/activity/subscriptions} ({@code post.mention.create} and {@code dm.received}, filtered by
 * {@code user_id}), and the events, in the XAA envelope of docs.x.com/x-api/activity/event-payloads
 * ({@code {"data":{"event_uuid","filter","event_type","tag","payload","includes"}}}), POSTed to the
 * subscription's webhook signed in {@code x-twitter-webhooks-signature} ({@code sha256=} + base64
 * HMAC-SHA256 of the raw body), or, for a subscription without a webhook, written to the activity
 * stream. A failed delivery (anything but 2xx, or no answer in 10 s) is retried after 10 s, 1 and
 * 5 minutes, then dropped; a webhook failing for 28 hours turns invalid until {@code PUT} re-validates it.
 */
final class XActivity implements AutoCloseable {
    static final Set<String> EVENT_TYPES = Set.of("post.mention.create", "dm.received");
    static final String SIGNATURE = "x-twitter-webhooks-signature";
    private static final WebhookDeliveries.Schedule SCHEDULE =
            new WebhookDeliveries.Schedule(new long[] {10, 60, 300}, null, 4);
    private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("event_type", "filter", "tag", "webhook_id");

    /** A registered webhook; {@code valid} turns false on a failed CRC or 28 hours of failed deliveries. */
    private static final class Webhook {
        final String id;
        final String url;
        final String createdAt;
        final WebhookDeliveries deliveries;
        volatile boolean valid = true;

        Webhook(String id, String url, String createdAt, WebhookDeliveries deliveries) {
            this.id = id;
            this.url = url;
            this.createdAt = createdAt;
            this.deliveries = deliveries;
        }

        Map<String, Object> toJson() {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("created_at", createdAt);
            w.put("id", id);
            w.put("url", url);
            w.put("valid", valid);
            return w;
        }
    }

    private record Subscription(String id, String eventType, String userId, String tag, String webhookId, String createdAt) {
        Map<String, Object> toJson() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("created_at", createdAt);
            s.put("event_type", eventType);
            s.put("filter", Map.of("user_id", userId));
            s.put("subscription_id", id);
            if (tag != null) {
                s.put("tag", tag);
            }
            s.put("updated_at", createdAt);
            if (webhookId != null) {
                s.put("webhook_id", webhookId);
            }
            return s;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final byte[] consumerSecret;
    private final Supplier<Instant> clock;
    private final Function<String, XUser> users;
    private final XActivityStream stream;
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final List<Map<String, Object>> log = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    XActivity(String consumerSecret, Supplier<Instant> clock, Function<String, XUser> users) {
        this.consumerSecret = consumerSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.users = users;
        this.stream = new XActivityStream(clock);
    }

    XActivityStream stream() {
        return stream;
    }

    // ---- webhooks

    /** Registers a webhook after its CRC passed; answers X's 400 otherwise. */
    ApiResponse register(String url) {
        if (url == null || url.isBlank() || url.length() > 200 || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return XSimulator.invalid("url", "UrlValidationFailed: the url must be an http(s) URL of 1 to 200 characters, got "
                    + url).response();
        }
        synchronized (this) {
            if (webhooks.values().stream().anyMatch(w -> w.url.equals(url))) {
                return XSimulator.invalid("url", "DuplicateUrlFailed: a webhook is already registered for " + url).response();
            }
        }
        String failure = crc(url);
        if (failure != null) {
            return XSimulator.invalid("url", "CrcValidationFailed: " + failure).response();
        }
        String id = nextId();
        Map<String, Object> labels = Map.of("webhook_id", id);
        WebhookDeliveries deliveries = new WebhookDeliveries("x-sim-webhook-" + id, clock, url, this::sign, SCHEDULE,
                status -> status >= 200 && status < 300, log);
        Webhook w = new Webhook(id, url, clock.get().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), deliveries);
        deliveries.disableAfter(Duration.ofHours(28), () -> {
            w.valid = false;
            deliveries.note(labels, "invalid", Map.of("detail", "28 hours of failed deliveries; PUT /2/webhooks/" + id
                    + " re-validates it"));
        });
        synchronized (this) {
            // The CRC ran outside the lock: a registration of the same URL may have finished meanwhile.
            if (webhooks.values().stream().anyMatch(other -> other.url.equals(url))) {
                deliveries.close();
                return XSimulator.invalid("url", "DuplicateUrlFailed: a webhook is already registered for " + url).response();
            }
            webhooks.put(id, w);
        }
        return ApiResponse.json(200, Map.of("data", w.toJson()));
    }

    synchronized ApiResponse list() {
        List<Map<String, Object>> all = webhooks.values().stream().map(Webhook::toJson).toList();
        return ApiResponse.json(200, Map.of("data", all, "meta", Map.of("result_count", all.size())));
    }

    /** {@code PUT /2/webhooks/{id}}: runs the CRC again; a passing webhook is valid (again). */
    ApiResponse revalidate(String id) {
        Webhook w;
        synchronized (this) {
            w = webhooks.get(id);
        }
        if (w == null) {
            return unknownWebhook(id);
        }
        String failure = crc(w.url);
        w.valid = failure == null;
        if (failure != null) {
            return XSimulator.invalid("webhook_id", "CrcValidationFailed: " + failure).response();
        }
        return ApiResponse.json(200, Map.of("data", Map.of("valid", true)));
    }

    ApiResponse delete(String id) {
        Webhook w;
        synchronized (this) {
            w = webhooks.remove(id);
        }
        if (w == null) {
            return unknownWebhook(id);
        }
        w.deliveries.dropPending();
        w.deliveries.close();
        return ApiResponse.json(200, Map.of("data", Map.of("deleted", true)));
    }

    private static ApiResponse unknownWebhook(String id) {
        return XSimulator.invalid("webhook_id", "WebhookIdInvalid: no webhook " + id + " is registered by this app").response();
    }

    /** The CRC: null when the URL answered the right response_token in time, else why not. */
    private String crc(String url) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String expected = responseToken(token.getBytes(StandardCharsets.UTF_8));
        String failure;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?")
                    + "crc_token=" + token)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                failure = "the CRC GET to " + url + " answered HTTP " + r.statusCode();
            } else {
                JsonNode body = ApiServer.JSON.readTree(r.body());
                String got = body == null ? null : body.path("response_token").asText(null);
                failure = got != null && MessageDigest.isEqual(got.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8)) ? null
                        : "Invalid response_token: it must be sha256= and the base64 HMAC-SHA256 of the crc_token with the"
                                + " app's consumer secret";
            }
        } catch (JsonProcessingException e) {
            failure = "the CRC answer is not JSON with a response_token";
        } catch (java.io.IOException | IllegalArgumentException e) {
            failure = "could not reach " + url + " for the CRC: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        synchronized (log) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("url", url);
            e.put("status", failure == null ? "crc_passed" : "crc_failed");
            e.put("time", clock.get().toString());
            e.put("detail", failure == null ? "" : failure);
            log.add(e);
        }
        return failure;
    }

    private String responseToken(byte[] message) {
        return "sha256=" + Base64.getEncoder().encodeToString(WebhookDeliveries.hmac(consumerSecret, "HmacSHA256", message));
    }

    private Map<String, String> sign(byte[] body, boolean forged) {
        byte[] key = forged ? "forged".getBytes(StandardCharsets.UTF_8) : consumerSecret;
        return Map.of(SIGNATURE, "sha256=" + Base64.getEncoder().encodeToString(WebhookDeliveries.hmac(key, "HmacSHA256", body)));
    }

    // ---- subscriptions

    ApiResponse subscribe(JsonNode body) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUBSCRIPTION_FIELDS.contains(field)) {
                return XSimulator.invalid(field, "[" + field + "] is not one of " + SUBSCRIPTION_FIELDS).response();
            }
        }
        String type = body.path("event_type").asText("");
        if (!EVENT_TYPES.contains(type)) {
            return XSimulator.invalid("event_type", "The simulator delivers event_type " + EVENT_TYPES + "; got [" + type + "]")
                    .response();
        }
        String userId = body.path("filter").path("user_id").asText("");
        if (users.apply(userId) == null) {
            return XSimulator.invalid("filter", "filter.user_id must be a user's id, e.g. the brand's; got [" + userId + "]")
                    .response();
        }
        String tag = body.hasNonNull("tag") ? body.get("tag").asText() : null;
        if (tag != null && (tag.isEmpty() || tag.length() > 200)) {
            return XSimulator.invalid("tag", "a tag has 1 to 200 characters").response();
        }
        String webhookId = body.hasNonNull("webhook_id") ? body.get("webhook_id").asText() : null;
        synchronized (this) {
            if (webhookId != null && !webhooks.containsKey(webhookId)) {
                return unknownWebhook(webhookId);
            }
            Subscription s = new Subscription(nextId(), type, userId, tag, webhookId, clock.get().toString());
            subscriptions.put(s.id(), s);
            return ApiResponse.json(200, Map.of("data", Map.of("subscription", s.toJson())));
        }
    }

    synchronized ApiResponse subscriptions() {
        return ApiResponse.json(200, Map.of("data", subscriptions.values().stream().map(Subscription::toJson).toList()));
    }

    synchronized ApiResponse unsubscribe(String id) {
        if (subscriptions.remove(id) == null) {
            return XSimulator.invalid("subscription_id", "no subscription " + id + " exists for this app").response();
        }
        return ApiResponse.json(200, Map.of("data", Map.of("deleted", true)));
    }

    // ---- events

    /** A new post: a {@code post.mention.create} for every subscription whose user it mentions. */
    void posted(XTweet t) {
        Set<String> all = Set.of("author_id", "created_at", "conversation_id", "in_reply_to_user_id", "referenced_tweets",
                "entities");
        for (Subscription s : matching("post.mention.create")) {
            XUser user = users.apply(s.userId());
            if (user == null || !t.mentions(user) || user.id.equals(t.authorId())) {
                continue;
            }
            Map<String, Object> payload = t.toJson(all);
            List<Map<String, Object>> people = new ArrayList<>();
            people.add(users.apply(t.authorId()).toJson(Set.of("created_at", "verified", "public_metrics")));
            people.add(user.toJson(Set.of("created_at", "verified", "public_metrics")));
            emit(s, payload, Map.of("users", people, "tweets", List.of(payload)));
        }
    }

    /** A new direct message: a {@code dm.received} for every subscription of its recipient. */
    void messaged(XDirectMessage dm) {
        for (Subscription s : matching("dm.received")) {
            if (!s.userId().equals(dm.recipientId())) {
                continue;
            }
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("target", Map.of("recipient_id", dm.recipientId()));
            create.put("sender_id", dm.senderId());
            create.put("message_data", Map.of("text", dm.text(), "entities", Map.of("hashtags", List.of(), "symbols",
                    List.of(), "user_mentions", List.of(), "urls", List.of())));
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "message_create");
            event.put("id", dm.id());
            event.put("created_timestamp", String.valueOf(Instant.parse(dm.createdAt()).toEpochMilli()));
            event.put("message_create", create);
            Map<String, Object> people = new LinkedHashMap<>();
            for (String id : List.of(dm.senderId(), dm.recipientId())) {
                people.put(id, Map.of("data", users.apply(id).toJson(Set.of("created_at", "verified", "public_metrics"))));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("direct_message_events", List.of(event));
            payload.put("users", people);
            emit(s, payload, null);
        }
    }

    private synchronized List<Subscription> matching(String type) {
        return subscriptions.values().stream().filter(s -> s.eventType().equals(type)).toList();
    }

    private void emit(Subscription s, Map<String, Object> payload, Map<String, Object> includes) {
        String uuid = nextId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_uuid", uuid);
        data.put("filter", Map.of("user_id", s.userId()));
        data.put("event_type", s.eventType());
        if (s.tag() != null) {
            data.put("tag", s.tag());
        }
        data.put("payload", payload);
        if (includes != null) {
            data.put("includes", includes);
        }
        byte[] body;
        try {
            body = ApiServer.JSON.writeValueAsBytes(Map.of("data", data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (s.webhookId() == null) {
            stream.publish(body);
            return;
        }
        Webhook w;
        synchronized (this) {
            w = webhooks.get(s.webhookId());
        }
        if (w != null && w.valid) {
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("webhook_id", w.id);
            labels.put("event_uuid", uuid);
            labels.put("event_type", s.eventType());
            w.deliveries.submit(body, labels);
        }
    }

    // ---- control

    /** A webhook fault ({@link WebhookDeliveries#FAULTS}) for every registered webhook. */
    void fault(JsonNode f) {
        // Outside this monitor: a webhook busy delivering holds its own lock, and new events must not wait for it.
        registered().forEach(w -> w.deliveries.fault(f));
    }

    private synchronized List<Webhook> registered() {
        return new ArrayList<>(webhooks.values());
    }

    List<Map<String, Object>> deliveries() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Attempts every delivery due now on the caller's thread. */
    void flush() {
        registered().forEach(w -> w.deliveries.flush());
    }

    void clockMoved() {
        registered().forEach(w -> w.deliveries.wake());
    }

    void reset() {
        synchronized (this) {
            webhooks.values().forEach(w -> w.deliveries.close());
            webhooks.clear();
            subscriptions.clear();
        }
        synchronized (log) {
            log.clear();
        }
        stream.reset();
    }

    /** Ids like X's: numeric, growing with time. */
    private String nextId() {
        return String.valueOf(((System.currentTimeMillis() - 1288834974657L) << 22) | (ids.incrementAndGet() & 0x3FFFFF));
    }

    @Override
    public synchronized void close() {
        webhooks.values().forEach(w -> w.deliveries.close());
        stream.close();
    }
}
