package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.triage.rules.TriageRules;

/** Triage in the engine, outside OSGi: the rules file's hot reload and the administrator's REST calls. */
class TriageEngineTest {
    static final String ADMIN = "triage-admin-token-0123456789";
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode rulesChannel(String base) throws Exception {
        return json.readTree(call("GET", base + "/health", null, null).body()).path("channels").path("triage-rules");
    }

    JsonNode awaitRules(String base, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode r = rulesChannel(base);
        while (!state.equals(r.path("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = rulesChannel(base);
        }
        assertEquals(state, r.path("state").asText(), r.toString());
        return r;
    }

    @Test
    void aBadRulesFileIsRefusedWithItsLineAndTheLastGoodRulesStay(@TempDir Path data, @TempDir Path etc) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Path rules = etc.resolve(SocialCareEngine.RULES_FILE);
        String good = TriageRules.defaultText();
        Files.writeString(rules, good.replace("P1: { respondWithin: 30m", "P1: { respondWithin: 12m"), StandardCharsets.UTF_8);
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port), "adminToken", ADMIN),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        String base = "http://127.0.0.1:" + port + "/socialcare";
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, etc)) {
            awaitRules(base, "running");
            assertEquals("12m", engine.triage().rules().target(org.socialcarebridge.triage.Tier.P1).respondWithin());

            Files.writeString(rules, good.replace("tiers:", "tiers:\n  P4: { respondWithin: 1h, clock: always, priority: 1 }"),
                    StandardCharsets.UTF_8);
            JsonNode refused = awaitRules(base, "failing");
            assertTrue(refused.path("lastError").asText().matches("(?s).*socialcare-triage\\.yaml:\\d+:\\d+: .*P4.*"), refused.toString());
            assertEquals("12m", engine.triage().rules().target(org.socialcarebridge.triage.Tier.P1).respondWithin(),
                    "the last good rules stay in force");

            Files.writeString(rules, good, StandardCharsets.UTF_8);
            awaitRules(base, "running");
            assertEquals("30m", engine.triage().rules().target(org.socialcarebridge.triage.Tier.P1).respondWithin());
        }
    }

    @Test
    void aNetworkConditionIsCheckedAgainstTheChannelsAsTheyDeclareThemselves(@TempDir Path data, @TempDir Path etc)
            throws Exception {
        int port = SocialCareEngineTest.freePort();
        Files.writeString(etc.resolve(SocialCareEngine.RULES_FILE), TriageRules.defaultText()
                + "  - { name: fediverse, when: { network: mastodon }, then: { queue: Fediverse } }\n", StandardCharsets.UTF_8);
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)));
        String base = "http://127.0.0.1:" + port + "/socialcare";
        try (SocialCareEngine engine = SocialCareEngine.core(config, data, etc)) {
            engine.startRoutes();
            awaitRules(base, "running"); // no channel yet: not refused for one that is merely late

            new XChannelComponent().attach(engine, Map.of("enabled", "false"));
            JsonNode refused = awaitRules(base, "failing");
            assertTrue(refused.path("lastError").asText().contains("is not a network ('mastodon')")
                    && refused.path("lastError").asText().contains("use one of x"), refused.toString());

            new MastodonChannelComponent().attach(engine, Map.of("enabled", "false"));
            awaitRules(base, "running");
            assertTrue(engine.triage().rules().ruleCount() > 0);
        }
    }

    @Test
    void replySettingsNamingANetworkNoChannelDeclaresShowOnHealthOnceTheChannelsAreKnown(@TempDir Path data,
            @TempDir Path etc) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)),
                ReplySettings.PID, Map.of("dmWindow.facebook", "24h"));
        String base = "http://127.0.0.1:" + port + "/socialcare";
        try (SocialCareEngine engine = SocialCareEngine.core(config, data, etc)) {
            engine.startRoutes();
            JsonNode health = json.readTree(call("GET", base + "/health", null, null).body()).path("channels");
            assertFalse("stopped".equals(health.path("replies").path("state").asText()),
                    "no channel yet: not refused for one that is merely late: " + health);

            new XChannelComponent().attach(engine, Map.of("enabled", "false"));
            JsonNode replies = json.readTree(call("GET", base + "/health", null, null).body()).path("channels").path("replies");
            assertEquals("stopped", replies.path("state").asText(), replies.toString());
            assertTrue(replies.path("lastError").asText().contains("dmWindow.facebook")
                    && replies.path("lastError").asText().contains("dmWindow.x"), replies.toString());
        }
    }

    @Test
    void theAdminCallsNeedTheTokenAndSayWhatIsWrong(@TempDir Path data) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port), "adminToken", ADMIN),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        String triage = "http://127.0.0.1:" + port + "/socialcare/triage/";
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            assertEquals(401, call("GET", triage + "filtered", null, null).statusCode());
            assertEquals(401, call("GET", triage + "filtered", "wrong-token-0123456789", null).statusCode());

            HttpResponse<String> dry = call("POST", triage + "decide", ADMIN,
                    "{\"text\":\"my order is late and nobody answers <script>alert(1)</script>\",\"followers\":20000}");
            assertEquals(200, dry.statusCode(), dry.body());
            JsonNode d = json.readTree(dry.body());
            assertEquals("complaint", d.path("contactType").asText());
            assertEquals("P1", d.path("priority").asText());
            assertEquals("Delay", d.path("category").asText());
            assertTrue(d.path("explanation").asText().contains("influencer"), d.toString());
            assertFalse(dry.body().contains("<script>"), "the message text is never echoed");

            assertEquals(400, call("POST", triage + "decide", ADMIN, "{\"text\": 42}").statusCode());
            HttpResponse<String> facebook = call("POST", triage + "decide", ADMIN, "{\"text\":\"hi\",\"network\":\"facebook\"}");
            assertEquals(400, facebook.statusCode());
            assertTrue(facebook.body().contains("Unknown network 'facebook'; expected one of x"), facebook.body());
            engine.detach("x");
            assertEquals(200, call("POST", triage + "decide", ADMIN, "{\"text\":\"hi\",\"network\":\"x\"}").statusCode(),
                    "a detached channel's network stays known: replies to it wait rather than fail");
            assertEquals(400, call("POST", triage + "decide", ADMIN, "not json").statusCode());
            HttpResponse<String> unknown = call("POST", triage + "filtered/x:404/promote", ADMIN, null);
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("x:404"), unknown.body());
            assertEquals(404, call("GET", triage + "nothing", ADMIN, null).statusCode());

            JsonNode list = json.readTree(call("GET", triage + "filtered?since=2026-01-01T00:00:00Z", ADMIN, null).body());
            assertEquals(0, list.path("count").asInt(-1));
            assertEquals(400, call("GET", triage + "filtered?since=yesterday", ADMIN, null).statusCode());
        }
    }

    @Test
    void withoutAnAdminTokenTheCallsAreOff(@TempDir Path data) throws Exception {
        int port = SocialCareEngineTest.freePort();
        Map<String, Map<String, ?>> config = Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)),
                "org.socialcarebridge.network.x", Map.of("enabled", "false"));
        try (SocialCareEngine engine = SocialCareEngine.start(config, data, data)) {
            HttpResponse<String> r = call("GET", "http://127.0.0.1:" + port + "/socialcare/triage/filtered", ADMIN, null);
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("adminToken"), r.body());
        }
    }
}
