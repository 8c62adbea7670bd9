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
import org.socialcarebridge.component.mastodon.MastodonComponent;
import org.socialcarebridge.component.x.XComponent;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;
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
                RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw-secret",
                        "filingConcurrency", "6"),
                "org.socialcarebridge.network.x", Map.of("baseUrl", "ftp://nope", "bearerToken", "tok-secret", "brandHandle", "acme"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            List<String> routes = engine.routeIds();
            assertTrue(routes.containsAll(List.of("health", "rt-filing", "rt-notifications", "rt-reconcile", "outbox-delivery")), routes.toString());
            assertEquals(Map.of("now", 6, "setting", 6), engine.health().report().get("filingConcurrency"),
                    "the filing concurrency now and as set");
            assertFalse(routes.contains("x-mentions") || routes.contains("x-direct-messages"), routes.toString());

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
    void withoutANotifySecretRtsNotificationsAreRefusedAndTheRestRuns(@TempDir Path data) throws Exception {
        int port = freePort();
        Map<String, Map<String, ?>> config = Map.of(
                HttpSettings.PID, Map.of("port", String.valueOf(port)),
                RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            String url = "http://127.0.0.1:" + port + "/socialcare/rt/transactions";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("X-SocialCare-Secret", "anything").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"ticket\":1,\"transaction\":42}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("notifySecret") && r.body().contains("etc/org.socialcarebridge.http.cfg"), r.body());
            assertTrue(engine.routeIds().containsAll(List.of("rt-reconcile", "rt-filing", "outbox-delivery")), engine.routeIds().toString());
            assertTrue(json.readTree(send("GET", "http://127.0.0.1:" + port + "/socialcare/health", null).body())
                    .path("channels").has("rt"), "the health page still answers");
        }
    }

    @Test
    void eachNetworkIsAComponentWhoseFeedsAreRoutesIntoTheIntakeAndBeatOnTheHealthBoard(@TempDir Path data)
            throws Exception {
        int port = freePort();
        try (XSimulator x = XSimulator.start(0, "acme", "x-token", "x-consumer-" + java.util.UUID.randomUUID());
             MastodonSimulator mastodon = MastodonSimulator.start(0, "acme", "m-token", 1)) {
            Map<String, Map<String, ?>> config = Map.of(
                    HttpSettings.PID, Map.of("port", String.valueOf(port)),
                    RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                    "org.socialcarebridge.network.x", Map.of("baseUrl", x.baseUrl(), "bearerToken", "x-token",
                            "brandHandle", "acme", "pollInterval", "1h"),
                    "org.socialcarebridge.network.mastodon", Map.of("baseUrl", mastodon.baseUrl(), "accessToken", "m-token",
                            "pollInterval", "1h"));
            try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
                assertTrue(engine.routeIds().containsAll(List.of("intake", "x-mentions", "x-direct-messages",
                        "mastodon-mentions")), engine.routeIds().toString());
                assertTrue(engine.camel().getComponent("x") instanceof XComponent);
                assertTrue(engine.camel().getComponent("mastodon") instanceof MastodonComponent);
                List<String> channels = engine.health().channels().stream().map(c -> c.channel()).toList();
                assertTrue(channels.containsAll(List.of("route:x-mentions", "route:x-direct-messages",
                        "route:mastodon-mentions")), "each feed's poller is watched: " + channels);
                // The first polls run at start (initialDelay=0): the channels and the pollers' beats show them.
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
                while (!(polled(engine, "x", "x-mentions") && polled(engine, "x", "x-direct-messages")
                        && polled(engine, "mastodon", "mastodon-mentions")) && java.time.Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertEquals("running", engine.health().channel("x").toMap().get("state"), engine.health().report().toString());
                assertEquals("running", engine.health().channel("mastodon").toMap().get("state"));
                for (String route : List.of("x-mentions", "x-direct-messages", "mastodon-mentions")) {
                    assertTrue(polled(engine, route.startsWith("x") ? "x" : "mastodon", route), engine.health().report().toString());
                }
            }
        }
    }

    @Test
    void withIntakeWebhookTheXChannelServesItsSignedWebhookAndStoresWhatXSends(@TempDir Path data) throws Exception {
        int port = freePort();
        String secret = "x-consumer-" + java.util.UUID.randomUUID();
        try (XSimulator x = XSimulator.start(0, "acme", "x-token", secret)) {
            Map<String, Map<String, ?>> config = Map.of(
                    HttpSettings.PID, Map.of("port", String.valueOf(port)),
                    RtSettings(), Map.of("url", "http://127.0.0.1:1", "user", "socialcare", "password", "pw"),
                    "org.socialcarebridge.network.x", Map.of("baseUrl", x.baseUrl(), "bearerToken", "x-token",
                            "brandHandle", "acme", "pollInterval", "1h", "intake", "webhook", "consumerSecret", secret));
            try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
                assertTrue(engine.routeIds().contains("webhook-x"), engine.routeIds().toString());
                String url = "http://127.0.0.1:" + port + "/socialcare/webhooks/x";
                HttpResponse<String> hook = send("POST", x.baseUrl() + "/2/webhooks", "{\"url\":\"" + url + "\"}", "x-token");
                assertEquals(200, hook.statusCode(), hook.body());
                String id = json.readTree(hook.body()).at("/data/id").asText();
                assertEquals(200, send("POST", x.baseUrl() + "/2/activity/subscriptions", "{\"event_type\":\"post.mention.create\","
                        + "\"filter\":{\"user_id\":\"" + x.brandId() + "\"},\"webhook_id\":\"" + id + "\"}", "x-token").statusCode());
                String tweet = json.readTree(send("POST", x.baseUrl() + "/2/tweets", "{\"text\":\"@acme help\"}", "sim-user:olga")
                        .body()).at("/data/id").asText();
                x.deliverDue();
                assertTrue(engine.intake().knows(org.socialcarebridge.channel.Network.X, tweet), "stored before X had its 200");
                assertEquals(1L, ((Map<?, ?>) engine.health().report().get("webhook:x")).get("deliveries"));
            }
        }
    }

    HttpResponse<String> send(String method, String url, String body, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The network's channel is running and the route's poller has completed a poll. */
    static boolean polled(SocialCareEngine engine, String channel, String routeId) {
        return "running".equals(engine.health().channel(channel).toMap().get("state"))
                && engine.health().route(routeId, java.time.Duration.ZERO).toMap().get("lastRun") != null;
    }

    private static String RtSettings() {
        return org.socialcarebridge.routes.rt.RtSettings.PID;
    }
}
