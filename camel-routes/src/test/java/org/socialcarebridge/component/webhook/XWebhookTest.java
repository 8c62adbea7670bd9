package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The X webhook at {@code /socialcare/webhooks/x} over real HTTP, driven by the X simulator: its CRC on
 * registration, its signed deliveries, and its forged ones refused.
 */
class XWebhookTest {
    static final String SECRET = "x-consumer-secret-of-the-test-app";
    static final String TOKEN = "x-app-bearer-of-the-test";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final Health health = new Health();
    /** The handler's durable store, as the ledger will be: each event_uuid once. */
    final Set<String> ledger = ConcurrentHashMap.newKeySet();
    final List<byte[]> handed = new CopyOnWriteArrayList<>();
    XSimulator sim;
    String url;

    WebhookReceipt keep(WebhookDelivery delivery) throws Exception {
        handed.add(delivery.body());
        boolean fresh = ledger.add(json.readTree(delivery.body()).at("/data/event_uuid").asText());
        return new WebhookReceipt(1, fresh ? 1 : 0);
    }

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN, SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sim.close();
    }

    void serve(String consumerSecret) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        camel.addRoutes(WebhookRoutes.x("jetty:http://127.0.0.1:" + port + "/socialcare", consumerSecret, 64 * 1024, 4,
                this::keep, health, json, Clock.systemUTC()));
        camel.start();
        url = "http://127.0.0.1:" + port + "/socialcare/webhooks/x";
    }

    HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String registerAndSubscribe() throws Exception {
        HttpResponse<String> r = call("POST", "/2/webhooks", TOKEN, "{\"url\":\"" + url + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        String hook = json.readTree(r.body()).at("/data/id").asText();
        for (String type : new String[] {"post.mention.create", "dm.received"}) {
            HttpResponse<String> s = call("POST", "/2/activity/subscriptions", TOKEN, "{\"event_type\":\"" + type
                    + "\",\"filter\":{\"user_id\":\"" + sim.brandId() + "\"},\"webhook_id\":\"" + hook + "\"}");
            assertEquals(200, s.statusCode(), s.body());
        }
        return hook;
    }

    void mention(String handle, String text) throws Exception {
        assertEquals(201, call("POST", "/2/tweets", "sim-user:" + handle, "{\"text\":\"" + text + "\"}").statusCode());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> counters() {
        return (Map<String, Object>) health.report().get("webhook:x");
    }

    @Test
    void theSimulatorsCrcPassesWithTheConsumerSecretAndItsSignedEventsAreHanded() throws Exception {
        serve(SECRET);
        registerAndSubscribe();
        mention("olga", "@acme my parcel is late");
        assertEquals(201, call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:olga",
                "{\"text\":\"order 42\"}").statusCode());
        sim.deliverDue();
        assertEquals(2, handed.size());
        JsonNode first = json.readTree(handed.get(0));
        assertEquals("post.mention.create", first.at("/data/event_type").asText());
        assertEquals("@acme my parcel is late", first.at("/data/payload/text").asText());
        assertEquals("dm.received", json.readTree(handed.get(1)).at("/data/event_type").asText());
        assertEquals(1L, counters().get("handshakes"));
        assertEquals(2L, counters().get("deliveries"));
    }

    @Test
    void aCrcAnsweredWithAnotherSecretFailsRegistration() throws Exception {
        serve("not-the-consumer-secret");
        HttpResponse<String> r = call("POST", "/2/webhooks", TOKEN, "{\"url\":\"" + url + "\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("CrcValidationFailed"), r.body());
    }

    @Test
    void aForgedDeliveryIsRefusedAndItsRetryKeptOnceADuplicateIsAnswered200() throws Exception {
        serve(SECRET);
        registerAndSubscribe();
        assertEquals(201, call("POST", "/sim/faults", null, "{\"webhook\":\"forge\",\"count\":1}").statusCode());
        mention("mallory", "@acme forged");
        sim.deliverDue();
        assertTrue(handed.isEmpty(), "a forged signature never reaches the handler");
        assertEquals(1L, counters().get("forged"));
        assertEquals(200, call("POST", "/sim/clock", null, "{\"advance_seconds\":10}").statusCode());
        sim.deliverDue();
        assertEquals(1, handed.size(), "the retry, signed right, is kept");

        call("POST", "/sim/faults", null, "{\"webhook\":\"duplicate\",\"count\":1}");
        mention("ivan", "@acme twice");
        sim.deliverDue();
        assertEquals(3, handed.size());
        assertEquals(2, ledger.size(), "the duplicate was answered 200 and kept nothing new");
        assertEquals(1L, counters().get("duplicateDeliveries"));
    }

    @Test
    void aCrcWithoutATokenIs400AndAnUnsignedPostIs401() throws Exception {
        serve(SECRET);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, get.statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, post.statusCode());
        assertTrue(post.body().contains(XWebhookSignature.HEADER), post.body());
        byte[] body = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> hex = http.send(HttpRequest.newBuilder(URI.create(url))
                .header(XWebhookSignature.HEADER, new HubSignature(SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, hex.statusCode(), "Meta's hex form is not X's");
        assertFalse(counters().toString().contains(SECRET));
        assertEquals(1L, counters().get("handshakesRefused"));
    }

    @Test
    void theCrcNeverSignsWhatCouldBeABodySoItCannotBeUsedToForgeADelivery() throws Exception {
        serve(SECRET);
        String forged = "{\"data\":{\"event_uuid\":\"1\",\"event_type\":\"post.mention.create\",\"payload\":{}}}";
        HttpResponse<String> crc = http.send(HttpRequest.newBuilder(URI.create(url + "?crc_token="
                + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, crc.statusCode(), crc.body());
        assertFalse(crc.body().contains("response_token"), crc.body());
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(url + "?crc_token="
                + java.net.URLEncoder.encode("Zm9v-YmFy_9+/=", StandardCharsets.UTF_8))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), "X's base64 tokens are answered: " + ok.body());
    }

    @Test
    void aSignedBodyOverTheCapIs413AndSaysItIsNotXsWithoutNamingMetasSetting() throws Exception {
        serve(SECRET);
        byte[] big = ("{\"data\":{\"event_uuid\":\"9\",\"pad\":\"" + "a".repeat(64 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header(XWebhookSignature.HEADER, new XWebhookSignature(SECRET).sign(big))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("not X's"), r.body());
        assertFalse(r.body().contains("maxBodyKiB"), "X has no such setting: " + r.body());
        assertTrue(handed.isEmpty());
        assertEquals(1L, counters().get("tooLarge"));
    }
}
