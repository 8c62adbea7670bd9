package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics routes in the engine: there with a help desk to write to, absent without one. */
class MetricsEngineTest {
    static final String ADMIN = "metrics-admin-token-0123456789";

    @Test
    void withRtConfiguredTheMetricsTimerAndTheReportRun(@TempDir Path data) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(port), "adminToken", ADMIN),
                org.socialcarebridge.routes.rt.RtSettings.PID, Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            assertTrue(engine.routeIds().containsAll(List.of("metrics-publish", "metrics-reports")), engine.routeIds().toString());
            assertTrue(engine.health().report().containsKey("metricsPublishedThrough"));
            assertEquals("publishing", engine.health().report().get("metrics"), "nothing waits for a ticket");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/socialcare/reports")).header("Authorization", "Bearer " + ADMIN)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(0, new ObjectMapper().readTree(r.body()).path("volume").path("total").asInt(-1));
        }
    }

    @Test
    void withoutAHelpDeskThereIsNothingToWriteTo(@TempDir Path data) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            assertFalse(engine.routeIds().contains("metrics-publish"), engine.routeIds().toString());
        }
    }
}
