package org.socialcarebridge.simulator.x;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socialcarebridge.simulator.ApiRequest;

/**
 * The X Activity API over real HTTP: a local receiver answers the CRC and checks every delivery's
 * signature over the raw bytes (in constant time, before parsing) as the plugin must. Deliveries are
 * made due with {@code deliverDue()} on the test's thread and retries by moving the simulator's clock,
 * so no test waits on time; the stream tests block on reads under a timeout.
 */
class XActivityTest {
    static final String TOKEN = "brand-token-" + UUID.randomUUID();
    static final String SECRET = "consumer-secret-" + UUID.randomUUID();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    XSimulator sim;
    Receiver receiver;

    record Answer(int status, JsonNode body) {
    }

    record Received(byte[] body, boolean signed, JsonNode json) {
    }

    /** The plugin's side in miniature: the CRC with a secret, and the signature checked before parsing. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Received> deliveries = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        volatile String secret = SECRET;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newSingleThreadExecutor());
            server.createContext("/hook", ex -> {
                if ("GET".equals(ex.getRequestMethod())) {
                    String token = ApiRequest.parseQuery(ex.getRequestURI().getRawQuery()).get("crc_token").get(0);
                    byte[] answer = ("{\"response_token\":\"sha256=" + base64Hmac(secret, token.getBytes(StandardCharsets.UTF_8))
                            + "\"}").getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, answer.length);
                    ex.getResponseBody().write(answer);
                    ex.close();
                    return;
                }
                byte[] body = ex.getRequestBody().readAllBytes();
                String header = ex.getRequestHeaders().getFirst("x-twitter-webhooks-signature");
                boolean signed = header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII),
                        ("sha256=" + base64Hmac(SECRET, body)).getBytes(StandardCharsets.US_ASCII));
                deliveries.add(new Received(body, signed, signed ? new ObjectMapper().readTree(body) : null));
                Integer status = answers.poll();
                ex.sendResponseHeaders(signed ? (status == null ? 200 : status) : 401, -1);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    static String base64Hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void loadSpec() {
        XSimulatorTest.loadSpec();
    }

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN, SECRET);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    Answer call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        // Every API answer the document describes (it leaves out the 403 for the wrong kind of token) is checked against it.
        if (!path.startsWith("/sim/") && r.statusCode() != 403) {
            XSimulatorTest.spec.answer(method, path, body, r);
        }
        return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()));
    }

    String register() throws Exception {
        Answer a = call("POST", "/2/webhooks", TOKEN, "{\"url\":\"" + receiver.url() + "\"}");
        assertEquals(200, a.status(), String.valueOf(a.body()));
        return a.body().at("/data/id").asText();
    }

    void subscribe(String type, String userId, String webhookId, String tag) throws Exception {
        Answer a = call("POST", "/2/activity/subscriptions", TOKEN, "{\"event_type\":\"" + type + "\",\"filter\":{\"user_id\":\""
                + userId + "\"}" + (webhookId == null ? "" : ",\"webhook_id\":\"" + webhookId + "\"")
                + (tag == null ? "" : ",\"tag\":\"" + tag + "\"") + "}");
        assertEquals(200, a.status(), String.valueOf(a.body()));
        assertEquals(type, a.body().at("/data/subscription/event_type").asText());
        assertEquals(userId, a.body().at("/data/subscription/filter/user_id").asText());
    }

    String tweet(String handle, String text) throws Exception {
        Answer a = call("POST", "/2/tweets", "sim-user:" + handle, "{\"text\":\"" + text + "\"}");
        assertEquals(201, a.status());
        return a.body().at("/data/id").asText();
    }

    void advance(long seconds) throws Exception {
        assertEquals(200, call("POST", "/sim/clock", null, "{\"advance_seconds\":" + seconds + "}").status());
    }

    List<String> statuses() throws Exception {
        List<String> all = new ArrayList<>();
        call("GET", "/sim/webhooks", null, null).body().forEach(e -> all.add(e.path("status").asText()));
        return all;
    }

    @Test
    void aWebhookIsRegisteredOnlyWhenItsCrcAnswersWithTheConsumerSecret() throws Exception {
        receiver.secret = "not the consumer secret";
        Answer refused = call("POST", "/2/webhooks", TOKEN, "{\"url\":\"" + receiver.url() + "\"}");
        assertEquals(400, refused.status());
        assertEquals("Invalid Request", refused.body().get("title").asText());
        assertTrue(refused.body().at("/errors/0/message").asText().startsWith("CrcValidationFailed"), refused.body().toString());
        assertEquals(0, call("GET", "/2/webhooks", TOKEN, null).body().at("/meta/result_count").asInt());

        receiver.secret = SECRET;
        String id = register();
        JsonNode listed = call("GET", "/2/webhooks", TOKEN, null).body();
        assertEquals(id, listed.at("/data/0/id").asText());
        assertEquals(receiver.url(), listed.at("/data/0/url").asText());
        assertTrue(listed.at("/data/0/valid").asBoolean());
        assertEquals(400, call("POST", "/2/webhooks", TOKEN, "{\"url\":\"" + receiver.url() + "\"}").status(),
                "one webhook a URL (DuplicateUrlFailed)");

        receiver.secret = "rotated elsewhere";
        assertEquals(400, call("PUT", "/2/webhooks/" + id, TOKEN, null).status(), "PUT runs the CRC again");
        assertFalse(call("GET", "/2/webhooks", TOKEN, null).body().at("/data/0/valid").asBoolean());
        receiver.secret = SECRET;
        Answer again = call("PUT", "/2/webhooks/" + id, TOKEN, null);
        assertEquals(200, again.status());
        assertTrue(again.body().at("/data/valid").asBoolean());

        assertEquals(401, call("GET", "/2/webhooks", null, null).status());
        assertEquals(403, call("GET", "/2/webhooks", "sim-user:olga", null).status(), "app-only: a user's token is refused");
        assertEquals(200, call("DELETE", "/2/webhooks/" + id, TOKEN, null).status());
        assertEquals(400, call("DELETE", "/2/webhooks/" + id, TOKEN, null).status());
        assertEquals(List.of("crc_failed", "crc_passed", "crc_failed", "crc_passed"), statuses());
    }

    @Test
    void aMentionAndADirectMessageArriveSignedOverTheRawBytesInTheActivityEnvelope() throws Exception {
        String hook = register();
        subscribe("post.mention.create", sim.brandId(), hook, "mentions");
        subscribe("dm.received", sim.brandId(), hook, null);
        String id = tweet("olga", "@acme my parcel is late");
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        Received d = receiver.deliveries.get(0);
        assertTrue(d.signed(), "sha256= + base64 HMAC-SHA256 of the raw body with the consumer secret");
        JsonNode data = d.json().get("data");
        assertEquals("post.mention.create", data.get("event_type").asText());
        assertTrue(data.get("event_uuid").asText().matches("[0-9]{1,19}"));
        assertEquals(sim.brandId(), data.at("/filter/user_id").asText());
        assertEquals("mentions", data.get("tag").asText());
        assertEquals(id, data.at("/payload/id").asText());
        assertEquals("@acme my parcel is late", data.at("/payload/text").asText());
        assertEquals("olga", data.at("/includes/users/0/username").asText());
        assertEquals(data.at("/includes/users/0/id").asText(), data.at("/payload/author_id").asText());
        assertEquals(sim.brandId(), data.at("/payload/entities/mentions/0/id").asText());

        Answer dm = call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:olga",
                "{\"text\":\"order 42\"}");
        assertEquals(201, dm.status());
        sim.deliverDue();
        JsonNode event = receiver.deliveries.get(1).json().at("/data");
        assertEquals("dm.received", event.get("event_type").asText());
        assertFalse(event.has("tag"));
        JsonNode message = event.at("/payload/direct_message_events/0");
        assertEquals(dm.body().at("/data/dm_event_id").asText(), message.get("id").asText());
        assertEquals("message_create", message.get("type").asText());
        assertEquals(sim.brandId(), message.at("/message_create/target/recipient_id").asText());
        assertEquals("order 42", message.at("/message_create/message_data/text").asText());
        String sender = message.at("/message_create/sender_id").asText();
        assertEquals("olga", event.at("/payload/users/" + sender + "/data/username").asText());

        JsonNode log = call("GET", "/sim/webhooks", null, null).body();
        JsonNode last = log.get(log.size() - 1);
        assertEquals("delivered", last.get("status").asText());
        assertEquals(event.get("event_uuid").asText(), last.get("event_uuid").asText());
        assertEquals(1, last.get("attempt").asInt());
        assertEquals(hook, last.get("webhook_id").asText());
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameBytesAfterBackOff() throws Exception {
        subscribe("post.mention.create", sim.brandId(), register(), null);
        receiver.answers.add(500);
        tweet("olga", "@acme retry me");
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size(), "not again before the back-off");
        advance(10);
        sim.deliverDue();
        assertEquals(2, receiver.deliveries.size());
        assertArrayEquals(receiver.deliveries.get(0).body(), receiver.deliveries.get(1).body());
        assertEquals(List.of("crc_passed", "failed", "delivered"), statuses());
    }

    @Test
    void aForgedDeliveryIsRefusedThenSignedRightOnRetryAndADuplicateRepeatsTheEvent() throws Exception {
        subscribe("post.mention.create", sim.brandId(), register(), null);
        assertEquals(201, call("POST", "/sim/faults", null, "{\"webhook\":\"forge\",\"count\":1}").status());
        tweet("mallory", "@acme forged");
        sim.deliverDue();
        assertFalse(receiver.deliveries.get(0).signed(), "the receiver's check refuses it");
        advance(10);
        sim.deliverDue();
        assertTrue(receiver.deliveries.get(1).signed());
        assertArrayEquals(receiver.deliveries.get(0).body(), receiver.deliveries.get(1).body());

        call("POST", "/sim/faults", null, "{\"webhook\":\"duplicate\",\"count\":1}");
        tweet("ivan", "@acme twice");
        sim.deliverDue();
        assertEquals(4, receiver.deliveries.size());
        assertEquals(receiver.deliveries.get(2).json().at("/data/event_uuid").asText(),
                receiver.deliveries.get(3).json().at("/data/event_uuid").asText(), "the same event, its id unchanged");
        assertEquals(400, call("POST", "/sim/faults", null, "{\"webhook\":\"batch\",\"count\":2}").status(),
                "X does not batch");
    }

    @Test
    void aReorderFaultDeliversTheNextEventsNewestFirst() throws Exception {
        subscribe("post.mention.create", sim.brandId(), register(), null);
        call("POST", "/sim/faults", null, "{\"webhook\":\"reorder\",\"count\":2}");
        String first = tweet("olga", "@acme first");
        sim.deliverDue();
        assertEquals(0, receiver.deliveries.size(), "held until the second one comes");
        String second = tweet("olga", "@acme second");
        sim.deliverDue();
        assertEquals(second, receiver.deliveries.get(0).json().at("/data/payload/id").asText());
        assertEquals(first, receiver.deliveries.get(1).json().at("/data/payload/id").asText());
    }

    @Test
    void aDelayFaultLetsALaterEventOvertakeAnEarlierOne() throws Exception {
        subscribe("dm.received", sim.brandId(), register(), null);
        call("POST", "/sim/faults", null, "{\"webhook\":\"delay\",\"count\":1,\"seconds\":30}");
        call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:olga", "{\"text\":\"first\"}");
        call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:olga", "{\"text\":\"second\"}");
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        assertEquals("second", receiver.deliveries.get(0).json()
                .at("/data/payload/direct_message_events/0/message_create/message_data/text").asText());
        advance(30);
        sim.deliverDue();
        assertEquals("first", receiver.deliveries.get(1).json()
                .at("/data/payload/direct_message_events/0/message_create/message_data/text").asText());
    }

    @Test
    void subscriptionsFilterByUserAndEventType() throws Exception {
        String hook = register();
        String other = call("PUT", "/sim/users/other", null, "{\"name\":\"Other\"}").body().get("id").asText();
        subscribe("post.mention.create", sim.brandId(), hook, "brand");
        subscribe("post.mention.create", other, hook, "other");
        tweet("olga", "@other hello");
        tweet("olga", "nobody mentioned");
        call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:olga", "{\"text\":\"no dm subscription\"}");
        tweet("olga", "@acme hi");
        sim.deliverDue();
        assertEquals(2, receiver.deliveries.size());
        assertEquals(other, receiver.deliveries.get(0).json().at("/data/filter/user_id").asText());
        assertEquals("other", receiver.deliveries.get(0).json().at("/data/tag").asText());
        assertEquals(sim.brandId(), receiver.deliveries.get(1).json().at("/data/filter/user_id").asText());

        JsonNode subscriptions = call("GET", "/2/activity/subscriptions", TOKEN, null).body().get("data");
        assertEquals(2, subscriptions.size());
        String otherSubscription = subscriptions.get(1).get("subscription_id").asText();
        assertEquals(200, call("DELETE", "/2/activity/subscriptions/" + otherSubscription, TOKEN, null).status());
        tweet("olga", "@other again");
        sim.deliverDue();
        assertEquals(2, receiver.deliveries.size());

        assertEquals(400, call("POST", "/2/activity/subscriptions", TOKEN,
                "{\"event_type\":\"like.create\",\"filter\":{\"user_id\":\"" + sim.brandId() + "\"}}").status());
        assertEquals(400, call("POST", "/2/activity/subscriptions", TOKEN,
                "{\"event_type\":\"dm.received\",\"filter\":{\"user_id\":\"" + sim.brandId() + "\"},\"webhook_id\":\"1\"}").status());
    }

    /** Reads lines of the stream (\r\n-terminated); keep-alives are empty lines. */
    BufferedReader openStream(String query) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2/activity/stream" + query))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    }

    static String nextEvent(BufferedReader in) throws Exception {
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isEmpty()) {
                return line;
            }
        }
        return null;
    }

    /** A keep-alive proves the stream is registered: what is posted after it is on this connection. */
    static void keepAlive(BufferedReader in) throws Exception {
        assertEquals("", in.readLine());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theStreamCarriesEventsKeepAlivesBackfillAndCanBeDropped() throws Exception {
        sim.streamKeepAliveEvery(Duration.ofMillis(50));
        subscribe("post.mention.create", sim.brandId(), null, "stream");
        assertEquals(403, call("GET", "/2/activity/stream", "sim-user:olga", null).status());
        assertEquals(400, call("GET", "/2/activity/stream?backfill_minutes=6", TOKEN, null).status());

        BufferedReader live = openStream("");
        keepAlive(live);
        String id = tweet("olga", "@acme streamed");
        JsonNode event = json.readTree(nextEvent(live));
        assertEquals("post.mention.create", event.at("/data/event_type").asText());
        assertEquals(id, event.at("/data/payload/id").asText());
        assertEquals("stream", event.at("/data/tag").asText());
        keepAlive(live);

        BufferedReader replayed = openStream("?backfill_minutes=2");
        assertEquals(event.at("/data/event_uuid").asText(), json.readTree(nextEvent(replayed)).at("/data/event_uuid").asText(),
                "backfill replays what went out in those minutes");
        BufferedReader fresh = openStream("");
        keepAlive(fresh);
        String next = tweet("olga", "@acme after");
        assertEquals(next, json.readTree(nextEvent(fresh)).at("/data/payload/id").asText(), "no backfill asked: only new events");

        JsonNode dropped = call("POST", "/sim/x/stream/drop", null, null).body();
        assertEquals(3, dropped.get("dropped").asInt());
        assertEquals(next, json.readTree(nextEvent(live)).at("/data/payload/id").asText());
        assertNull(nextEvent(live), "the stream ended");
        assertNull(nextEvent(fresh));
    }
}
