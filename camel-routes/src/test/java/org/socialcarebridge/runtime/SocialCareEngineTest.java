package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine outside OSGi: route sets per channel, wrong settings stop only their channel, HTTP endpoints. */
class SocialCareEngineTest {
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    HttpResponse<String> send(String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongXSettingStopsOnlyTheXChannelAndSaysWhichKeyAndHowToFixIt(@TempDir Path data) throws Exception {
        int port = freePort();
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(port)),
                RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw-secret"),
                "org.socialcarebridge.network.x", Map.of("baseUrl", "ftp://nope", "bearerToken", "tok-secret", "brandHandle", "acme"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            List<String> routes = engine.routeIds();
            assertTrue(routes.containsAll(List.of("health", "rt-filing", "rt-notifications", "rt-reconcile", "outbox-delivery")), routes.toString());
            assertFalse(routes.contains("x-poll"));

            HttpResponse<String> r = send("GET", "http://127.0.0.1:" + port + "/socialcare/health", null);
            JsonNode health = json.readTree(r.body());
            assertEquals(503, r.statusCode());
            JsonNode x = health.path("channels").path("x");
            assertEquals("stopped", x.path("state").asText());
            String error = x.path("lastError").asText();
            assertTrue(error.contains("baseUrl in etc/org.socialcarebridge.network.x.cfg = 'ftp://nope'") && error.contains("Fix:"), error);
            assertFalse(r.body().contains("tok-secret") || r.body().contains("pw-secret"), "secrets never shown");
            assertEquals(0, health.path("outbox").asInt(-1));
        }
    }

    @Test
    void notificationEndpointAcceptsOnlyAWellFormedTransaction(@TempDir Path data) throws Exception {
        int port = freePort();
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(port)),
                RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            String url = "http://127.0.0.1:" + port + "/socialcare/rt/transactions";
            assertEquals(202, send("POST", url, "{\"ticket\":1,\"transaction\":42}").statusCode());
            HttpResponse<String> bad = send("POST", url, "{\"transaction\":\"<script>\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("malformed notification"), bad.body());
            assertEquals(400, send("POST", url, "not json").statusCode());
            assertEquals(413, send("POST", url, "{\"transaction\":1,\"pad\":\"" + "a".repeat(5000) + "\"}").statusCode());
            assertEquals(405, send("GET", url, null).statusCode());
        }
    }

    private static String RtSettings() {
        return org.socialcarebridge.routes.rt.RtSettings.PID;
    }
}
