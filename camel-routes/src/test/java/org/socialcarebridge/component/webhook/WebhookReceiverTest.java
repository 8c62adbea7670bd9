package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.routes.http.RawHttp;

/**
 * The Meta webhook over real HTTP on a free port: the handshake, signatures over the raw bytes checked
 * before anything is parsed, the body cap, and 200 only once the handler kept the delivery.
 */
class WebhookReceiverTest {
    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String TOKEN = "verify-token-of-the-test-app";
    static final String PATH = "/socialcare/webhooks/meta";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final HubSignature meta = new HubSignature(SECRET);
    final Health health = new Health();
    final WebhookCounters counters = new WebhookCounters();
    /** The handler's durable store, as the ledger will be: each entry's id once. */
    final Set<String> ledger = ConcurrentHashMap.newKeySet();
    final List<byte[]> handed = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();
    int port;

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    /** A handler as the Meta channel will be: parse (only now), keep every entry by id, say what was new. */
    WebhookReceipt keep(WebhookDelivery delivery) throws Exception {
        handed.add(delivery.body());
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the ledger is unavailable");
        }
        JsonNode entries = json.readTree(delivery.body()).path("entry");
        int fresh = 0;
        for (JsonNode entry : entries) {
            if (ledger.add(entry.path("id").asText())) {
                fresh++;
            }
        }
        return new WebhookReceipt(entries.size(), fresh);
    }

    String serve(int maxBodyBytes) throws Exception {
        return serve(maxBodyBytes, 4, WebhookReceiver.WAIT_FOR_TURN, this::keep);
    }

    String serve(int maxBodyBytes, int concurrentBodies, Duration waitForTurn, WebhookHandler handler) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebhookReceiver receiver = new WebhookReceiver("meta", SECRET, TOKEN, maxBodyBytes, concurrentBodies, waitForTurn,
                handler, counters, json, Clock.systemUTC());
        camel.addRoutes(new WebhookRoutes("jetty:http://127.0.0.1:" + port + "/socialcare", "meta", receiver, counters, health));
        camel.start();
        return "http://127.0.0.1:" + port + PATH;
    }

    String serve() throws Exception {
        return serve(64 * 1024);
    }

    /** A Meta-shaped batch; Meta escapes non-ASCII as \\uXXXX, so the bytes are not what a re-serialiser writes. */
    static byte[] batch(String... ids) {
        List<String> entries = new ArrayList<>();
        for (String id : ids) {
            entries.add("{\"id\":\"" + id + "\",\"time\":1765090000,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":"
                    + "\"comment\",\"verb\":\"add\",\"comment_id\":\"" + id + "\",\"message\":\"caf\\u00e9 \\ud83d\\ude00\"}}]}");
        }
        return ("{\"object\":\"page\",\"entry\":[" + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> post(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header(HubSignature.HEADER, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, Map<String, String> query) throws Exception {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url + q)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> hub(String mode, String token, String challenge) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hub.mode", mode);
        if (token != null) {
            m.put("hub.verify_token", token);
        }
        m.put("hub.challenge", challenge);
        return m;
    }

    @Test
    void theHandshakeWithTheVerifyTokenAnswersTheChallengeAsPlainText() throws Exception {
        String url = serve();
        HttpResponse<String> r = get(url, hub("subscribe", TOKEN, "1158201444"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1158201444", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertEquals(1L, counters.toMap().get("handshakes"));
    }

    @Test
    void aHandshakeWithoutTheRightTokenOrModeIsRefusedAndNothingEchoed() throws Exception {
        String url = serve();
        for (Map<String, String> query : List.<Map<String, String>>of(hub("subscribe", "wrong-token-of-the-test-app", "42"),
                hub("subscribe", TOKEN.substring(1), "42"), hub("subscribe", TOKEN + "x", "42"), hub("subscribe", null, "42"),
                hub("subscribe", SECRET, "42"), hub("unsubscribe", TOKEN, "42"), Map.of("hub.verify_token", TOKEN, "hub.challenge", "42"),
                Map.of())) {
            HttpResponse<String> r = get(url, query);
            assertEquals(403, r.statusCode(), query + " -> " + r.body());
            assertFalse(r.body().contains("42") || r.body().contains(TOKEN) || r.body().contains(SECRET), r.body());
        }
        HttpResponse<String> script = get(url, hub("subscribe", TOKEN, "<script>alert(1)</script>"));
        assertEquals(400, script.statusCode());
        assertFalse(script.body().contains("<script>"), "a challenge that is not a token is not echoed");
        assertEquals(9L, counters.toMap().get("handshakesRefused"));
        assertEquals(0L, counters.toMap().get("handshakes"));
    }

    @Test
    void aSignedBatchIsHandedAsTheExactBytesSentAndAnswered200() throws Exception {
        String url = serve();
        byte[] body = batch("101_1", "101_2", "101_3");
        HttpResponse<String> r = post(url, body, meta.sign(body));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, json.readTree(r.body()).path("events").asInt());
        assertEquals(3, json.readTree(r.body()).path("new").asInt());
        assertEquals(1, handed.size());
        assertArrayEquals(body, handed.get(0), "the raw bytes, unicode escapes and all");
        assertEquals(Set.of("101_1", "101_2", "101_3"), ledger);
        // Meta's hex is lower-case; an upper-case rendering of the same digest is the same signature.
        assertEquals(200, post(url, batch("102_1"), meta.sign(batch("102_1")).toUpperCase().replace("SHA256=", "sha256="))
                .statusCode());
        assertEquals(2L, counters.deliveries());
    }

    @Test
    void anUnsignedDeliveryIs401AndNeverHanded() throws Exception {
        String url = serve();
        HttpResponse<String> r = post(url, batch("1_1"), null);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains(HubSignature.HEADER), r.body());
        // 20 MB announced, none sent: an answer at all shows the body was not waited for.
        RawHttp.Answer raw = RawHttp.send(port, "POST", PATH, Map.of("Content-Type", "application/json",
                "Content-Length", String.valueOf(20 << 20)), new byte[0], 0, false, false);
        assertEquals(401, raw.status(), raw.body());
        assertEquals(List.of(), handed);
        assertEquals(2L, counters.unsigned());
    }

    @Test
    void aWrongSignatureIs403AndNeverHanded() throws Exception {
        String url = serve();
        byte[] body = batch("1_1");
        String good = meta.sign(body);
        String flipped = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        List<String> wrong = List.of(
                flipped,
                meta.sign(batch("1_2")),                                    // another body's
                new HubSignature(SECRET + "x").sign(body),                  // another secret's
                good.substring(0, good.length() - 1),                       // 63 digits
                good + "0",                                                 // 65 digits
                good.substring(0, good.length() - 1) + "g",                 // not hex
                "sha1=" + good.substring(7),                                // the legacy scheme's name
                good.substring(7),                                          // no scheme
                "sha256=",
                "");
        for (String signature : wrong) {
            HttpResponse<String> r = post(url, body, signature);
            assertEquals(403, r.statusCode(), signature + " -> " + r.body());
            assertFalse(r.body().contains(good.substring(7)), "the right signature is never told");
        }
        assertEquals(List.of(), handed);
        assertEquals((long) wrong.size(), counters.forged());
        assertEquals(Set.of(), ledger);
    }

    @Test
    void aSignatureThatCannotBeOneIsRefusedBeforeTheBodyIsRead() throws Exception {
        serve();
        RawHttp.Answer raw = RawHttp.send(port, "POST", PATH, Map.of("Content-Type", "application/json",
                HubSignature.HEADER, "sha256=nothex", "Content-Length", String.valueOf(20 << 20)), new byte[0], 0, false, false);
        assertEquals(403, raw.status(), raw.body());
    }

    @Test
    void aBodyOverTheCapIs413AndNothingIsParsedOrHanded() throws Exception {
        String url = serve(1024);
        byte[] fits = batch("1_1");
        assertEquals(200, post(url, fits, meta.sign(fits)).statusCode());
        byte[] big = new byte[1025];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(fits, 0, big, 0, fits.length);
        HttpResponse<String> r = post(url, big, meta.sign(big));
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("1024") && r.body().contains("maxBodyKiB"), r.body());
        // Chunked, so no length is announced: refused once it passes the cap, the rest never waited for.
        RawHttp.Answer chunked = RawHttp.send(port, "POST", PATH, Map.of("Content-Type", "application/json",
                HubSignature.HEADER, meta.sign(big), "Transfer-Encoding", "chunked"), fits, 10L << 20, true, false);
        assertEquals(413, chunked.status(), chunked.body());
        assertEquals(1, handed.size());
        assertEquals(2L, counters.tooLarge());
    }

    @Test
    void whenTheHandlerFailsTheAnswerIs500AndTheRetryIsKept() throws Exception {
        String url = serve();
        byte[] body = batch("7_1", "7_2");
        failuresToCome.set(1);
        HttpResponse<String> failed = post(url, body, meta.sign(body));
        assertEquals(500, failed.statusCode(), failed.body());
        assertFalse(failed.body().contains("ledger"), "the cause stays in the log: " + failed.body());
        assertEquals(Set.of(), ledger);
        assertEquals(1L, counters.failed());
        assertTrue(String.valueOf(counters.toMap().get("lastFailure")).contains("the ledger is unavailable"));
        // Meta sends the same bytes again; this time they are kept, every entry.
        HttpResponse<String> retry = post(url, body, meta.sign(body));
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(Set.of("7_1", "7_2"), ledger);
        assertEquals(2, handed.size());
        assertEquals(0L, counters.duplicates());
    }

    @Test
    void aDeliveryOfEventsAllSeenBeforeIsAnswered200AndCountedAsDuplicate() throws Exception {
        String url = serve();
        byte[] body = batch("9_1", "9_2");
        assertEquals(200, post(url, body, meta.sign(body)).statusCode());
        HttpResponse<String> again = post(url, body, meta.sign(body));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, json.readTree(again.body()).path("new").asInt());
        byte[] partly = batch("9_2", "9_3");
        assertEquals(200, post(url, partly, meta.sign(partly)).statusCode());
        assertEquals(Set.of("9_1", "9_2", "9_3"), ledger);
        assertEquals(3L, counters.deliveries());
        assertEquals(1L, counters.duplicates(), "only the delivery with nothing new");
        assertEquals(3L, counters.toMap().get("events"), "events counts new ones");
    }

    @Test
    void noMoreDeliveriesThanAllowedAreHeldAtOnceTheNextIs503ForMetaToRetry() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String url = serve(64 * 1024, 1, Duration.ZERO, delivery -> {
            handling.countDown();
            release.await();
            return keep(delivery);
        });
        byte[] first = batch("5_1");
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
            try {
                return post(url, first, meta.sign(first));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        handling.await();
        byte[] second = batch("5_2");
        HttpResponse<String> busy = post(url, second, meta.sign(second));
        assertEquals(503, busy.statusCode(), busy.body());
        assertTrue(busy.headers().firstValue("Retry-After").isPresent());
        assertEquals(401, post(url, second, null).statusCode(), "an unsigned request needs no turn to be refused");
        release.countDown();
        assertEquals(200, held.get().statusCode());
        assertEquals(200, post(url, second, meta.sign(second)).statusCode(), "the turn is given back");
        assertEquals(Set.of("5_1", "5_2"), ledger);
        assertEquals(1L, counters.toMap().get("busy"));
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        String url = serve();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals(List.of(), handed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusalsAndDeliveriesAreCountedOnTheHealthEndpoint() throws Exception {
        String url = serve(1024);
        byte[] body = batch("3_1");
        post(url, body, null);
        post(url, body, meta.sign(batch("3_2")));
        post(url, new byte[2048], meta.sign(new byte[2048]));
        post(url, body, meta.sign(body));
        post(url, body, meta.sign(body));
        failuresToCome.set(1);
        byte[] other = batch("3_3");
        post(url, other, meta.sign(other));
        Map<String, Object> board = (Map<String, Object>) health.report().get("webhook:meta");
        assertEquals(1L, board.get("unsigned"));
        assertEquals(1L, board.get("forged"));
        assertEquals(1L, board.get("tooLarge"));
        assertEquals(2L, board.get("deliveries"));
        assertEquals(1L, board.get("duplicateDeliveries"));
        assertEquals(1L, board.get("failedDeliveries"));
        assertTrue(board.get("lastDelivery") != null && board.get("lastRefused") != null, board.toString());
        assertFalse(health.report().toString().contains(SECRET) || health.report().toString().contains(TOKEN));
    }
}
