package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.routes.http.RawHttp;
import org.socialcarebridge.routes.rt.RtSettings;

/**
 * The doors the engine serves, tried over real HTTP as issue 12 found them open: the admin token only
 * from the Authorization header, RT's notification only with its secret, and no body read before the
 * caller is known or beyond its cap.
 */
class HttpSecurityTest {
    static final String ADMIN = "http-admin-token-0123456789abcdef";
    static final String SECRET = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    static final int TWENTY_MB = 20 << 20;

    @TempDir
    static Path data;
    static SocialCareEngine engine;
    static int port;
    static String base;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        port = SocialCareEngineTest.freePort();
        base = "http://127.0.0.1:" + port + "/socialcare";
        engine = SocialCareEngine.start(Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(port), "adminToken", ADMIN, "notifySecret", SECRET),
                RtSettings.PID, Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                "org.socialcarebridge.network.x", Map.of("enabled", "false")), data, data);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    HttpResponse<String> send(String method, String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String bearer(String token) {
        return URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8);
    }

    @Test
    void theRightAdminTokenInTheUrlIsRefusedOnEveryAdminCall() throws Exception {
        for (String call : List.of("/triage/filtered", "/customers/links", "/reports")) {
            HttpResponse<String> header = send("GET", base + call, Map.of("Authorization", "Bearer " + ADMIN), null);
            assertEquals(200, header.statusCode(), call + ": " + header.body());

            for (String query : List.of("?Authorization=" + bearer(ADMIN), "?authorization=" + bearer(ADMIN),
                    "?access_token=" + ADMIN)) {
                HttpResponse<String> r = send("GET", base + call + query, Map.of(), null);
                assertEquals(401, r.statusCode(), call + query);
                assertTrue(r.body().contains("Authorization: Bearer <adminToken>") && r.body().contains("never in the URL"),
                        r.body());
                assertFalse(r.body().contains(ADMIN), "the token is not echoed");
            }
            HttpResponse<String> both = send("GET", base + call + "?Authorization=" + bearer(ADMIN),
                    Map.of("Authorization", "Bearer " + ADMIN), null);
            assertEquals(401, both.statusCode(), "a token that went into a URL is refused even beside the header: " + call);
        }
    }

    @Test
    void theRightAdminTokenInAFormBodyIsRefused() throws Exception {
        HttpResponse<String> form = send("POST", base + "/triage/decide",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Authorization=" + bearer(ADMIN) + "&text=hello");
        assertEquals(401, form.statusCode(), form.body());
        assertTrue(form.body().contains("as header 'Authorization: Bearer <adminToken>'"), form.body());
        HttpResponse<String> put = send("PUT", base + "/customers/links/x:1001",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Authorization=" + bearer(ADMIN) + "&to=x:1002");
        assertEquals(401, put.statusCode(), put.body());
    }

    @Test
    void aSmallAdminCallStillWorks() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "application/json");
        HttpResponse<String> decide = send("POST", base + "/triage/decide", admin, "{\"text\":\"my order is late\"}");
        assertEquals(200, decide.statusCode(), decide.body());
        HttpResponse<String> link = send("PUT", base + "/customers/links/x:1001", admin, "{\"to\":\"x:1002\"}");
        assertEquals(200, link.statusCode(), link.body());
        assertEquals("x:1002", json.readTree(link.body()).path("to").asText());
        HttpResponse<String> since = send("GET", base + "/triage/filtered?since=2026-01-01T00:00:00Z&limit=5", admin, null);
        assertEquals(200, since.statusCode(), "query parameters other than the token still work: " + since.body());
        assertEquals(204, send("DELETE", base + "/customers/links/x:1001", admin, null).statusCode());
    }

    @Test
    void anAdminBodyOverOneMebibyteIsRefusedWith413AsItArrives() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "application/json");
        byte[] start = "{\"to\":\"".getBytes(StandardCharsets.UTF_8);

        Map<String, String> length = new HashMap<>(admin);
        length.put("Content-Length", String.valueOf(TWENTY_MB));
        RawHttp.Answer whole = RawHttp.send(port, "PUT", "/socialcare/customers/links/x:1001", length, start,
                TWENTY_MB - start.length, false, true);
        assertEquals(413, whole.status(), whole.body());
        assertTrue(whole.body().contains("20971520") && whole.body().contains("1048576"), whole.body());
        // The length alone decides: the answer comes though none of the body follows.
        assertEquals(413, RawHttp.send(port, "PUT", "/socialcare/customers/links/x:1001", length, start, 0, false, false).status());

        Map<String, String> chunked = new HashMap<>(admin);
        chunked.put("Transfer-Encoding", "chunked");
        RawHttp.Answer streamed = RawHttp.send(port, "PUT", "/socialcare/customers/links/x:1001", chunked, start,
                TWENTY_MB, true, true);
        assertEquals(413, streamed.status(), streamed.body());
        assertTrue(streamed.body().contains("longer than 1048576 bytes"), streamed.body());
        // Refused once past the cap, while the rest of the body is still to come.
        assertEquals(413, RawHttp.send(port, "PUT", "/socialcare/customers/links/x:1001", chunked, start, 2 << 20, true, false)
                .status());

        RawHttp.Answer decide = RawHttp.send(port, "POST", "/socialcare/triage/decide", chunked, "{\"text\":\"".getBytes(
                StandardCharsets.UTF_8), 128 * 1024, true, false);
        assertEquals(413, decide.status(), "the dry run reads at most 64 KiB: " + decide.body());

        assertEquals(0, json.readTree(send("GET", base + "/customers/links", admin, null).body()).size(), "nothing was linked");
    }

    @Test
    void withoutTheTokenNoBodyIsReadAtAll() throws Exception {
        Map<String, String> stranger = Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(TWENTY_MB));
        for (String[] call : List.of(new String[]{"PUT", "/socialcare/customers/links/x:1001"},
                new String[]{"POST", "/socialcare/triage/decide"})) {
            RawHttp.Answer r = RawHttp.send(port, call[0], call[1], stranger, "{".getBytes(StandardCharsets.UTF_8), 0, false, false);
            assertEquals(401, r.status(), call[1] + ": " + r.body());
            assertEquals("close", r.headers().get("connection"), "the unread body ends the connection");
        }
    }

    @Test
    void rtsNotificationNeedsTheSecretJsonAndASmallBody() throws Exception {
        String url = base + "/rt/transactions";
        String body = "{\"ticket\":7,\"transaction\":42}";
        assertEquals(401, send("POST", url, Map.of("Content-Type", "application/json"), body).statusCode());
        assertEquals(401, send("POST", url, Map.of("Content-Type", "application/json", "X-SocialCare-Secret", "forged"), body)
                .statusCode());
        assertEquals(415, send("POST", url, Map.of("Content-Type", "text/plain", "X-SocialCare-Secret", SECRET), body)
                .statusCode());
        HttpResponse<String> ok = send("POST", url, Map.of("Content-Type", "application/json", "X-SocialCare-Secret", SECRET),
                body);
        // RT cannot be reached here, so the reconciler has no start point yet and nothing is taken.
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("ignored"), ok.body());

        Map<String, String> rt = new HashMap<>(Map.of("Content-Type", "application/json", "X-SocialCare-Secret", SECRET));
        rt.put("Transfer-Encoding", "chunked");
        RawHttp.Answer big = RawHttp.send(port, "POST", "/socialcare/rt/transactions", rt, body.getBytes(StandardCharsets.UTF_8),
                TWENTY_MB, true, true);
        assertEquals(413, big.status(), big.body());
        assertEquals(405, send("GET", url, Map.of(), null).statusCode());
    }

    @Test
    void healthAnswersWithoutReadingABody() throws Exception {
        RawHttp.Answer r = RawHttp.send(port, "GET", "/socialcare/health", Map.of("Content-Length", String.valueOf(TWENTY_MB)),
                new byte[0], 0, false, false);
        assertTrue(r.status() == 200 || r.status() == 503, r.status() + " " + r.body());
        assertTrue(r.body().contains("channels"), r.body());
        assertFalse(r.headers().containsKey("server"), "no server version for a CVE scanner: " + r.headers());
    }
}
