package org.socialcarebridge.simulator.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every Meta simulator test shares: the simulator over real HTTP on free ports, with a tiny local
 * webhook receiver that checks the signature over the raw bytes as the plugin must. Deliveries are made
 * due with {@code deliverDue()} on the test's thread, so no test waits on time.
 */
abstract class MetaSimulatorFixture {
    // Random per run: the simulator has no default secrets, and a test must not depend on any.
    static final String TOKEN = "page-token-" + UUID.randomUUID();
    static final String SECRET = "app-secret-" + UUID.randomUUID();
    static final String VERIFY = "verify-token-" + UUID.randomUUID();
    static final String WHATSAPP_TOKEN = "whatsapp-token-" + UUID.randomUUID();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    Receiver receiver;
    MetaSimulator sim;
    String page;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    record Received(byte[] body, boolean signed, JsonNode json) {
    }

    /** The plugin's side in miniature: the handshake and a constant-time signature check before parsing. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Received> deliveries = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        volatile int otherwise = 200;
        volatile String verifyToken = VERIFY;
        volatile int handshakes;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newSingleThreadExecutor());
            server.createContext("/hook", ex -> {
                if ("GET".equals(ex.getRequestMethod())) {
                    var q = org.socialcarebridge.simulator.ApiRequest.parseQuery(ex.getRequestURI().getRawQuery());
                    handshakes++;
                    boolean ok = "subscribe".equals(q.get("hub.mode").get(0)) && verifyToken.equals(q.get("hub.verify_token").get(0));
                    byte[] challenge = q.get("hub.challenge").get(0).getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(ok ? 200 : 403, ok ? challenge.length : -1);
                    ex.getResponseBody().write(ok ? challenge : new byte[0]);
                    ex.close();
                    return;
                }
                byte[] body = ex.getRequestBody().readAllBytes();
                String header = ex.getRequestHeaders().getFirst("X-Hub-Signature-256");
                boolean signed = header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII),
                        ("sha256=" + hmac(body)).getBytes(StandardCharsets.US_ASCII));
                deliveries.add(new Received(body, signed, signed ? new ObjectMapper().readTree(body) : null));
                Integer status = answers.poll();
                ex.sendResponseHeaders(signed ? (status == null ? otherwise : status) : 403, -1);
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

    static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0).withSecrets(TOKEN, SECRET, VERIFY)
                .withWhatsAppToken(WHATSAPP_TOKEN).withCallbackUrl(receiver.url()));
        page = sim.pageId();
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    Answer call(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()), r);
    }

    Answer control(String method, String path, String body) throws Exception {
        return call(method, path, "application/json", body);
    }

    /** A Graph call with the token in the query, as Meta's examples do; the body as JSON. */
    Answer graph(String method, String path, String body) throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        return call(method, "/v23.0" + path + sep + "access_token=" + TOKEN, body == null ? null : "application/json", body);
    }

    JsonNode comment(String from, String text) throws Exception {
        Answer a = control("POST", "/sim/facebook/comments", "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}");
        assertEquals(201, a.status(), a.raw().body());
        return a.body();
    }

    JsonNode message(String from, String text) throws Exception {
        Answer a = control("POST", "/sim/messenger/messages", "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}");
        assertEquals(201, a.status(), a.raw().body());
        return a.body();
    }

    Answer send(String psid, String type, String tag, String text) throws Exception {
        return graph("POST", "/" + page + "/messages", "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"" + type
                + "\"" + (tag == null ? "" : ",\"tag\":\"" + tag + "\"") + ",\"message\":{\"text\":\"" + text + "\"}}");
    }

    void advance(long seconds) throws Exception {
        assertEquals(200, control("POST", "/sim/clock", "{\"advance_seconds\":" + seconds + "}").status());
    }

    static void assertGraphError(Answer a, int code, Integer subcode) {
        assertEquals(400, a.status(), a.raw().body());
        JsonNode e = a.body().get("error");
        assertEquals(code, e.get("code").asInt(), a.raw().body());
        if (subcode != null) {
            assertEquals(subcode.intValue(), e.get("error_subcode").asInt(), a.raw().body());
        }
        // Meta words a missing or unreadable object as a GraphMethodException, everything else as an OAuthException.
        assertEquals(code == 100 && Integer.valueOf(33).equals(subcode) ? "GraphMethodException" : "OAuthException",
                e.get("type").asText());
        assertFalse(e.get("fbtrace_id").asText().isEmpty());
    }
}
