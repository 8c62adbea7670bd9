package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.component.facebook.FacebookChannel;
import org.socialcarebridge.component.facebook.FacebookSettings;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;
import org.socialcarebridge.component.webhook.WebhookDispatch;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * The Meta webhook as the core serves it, with the Facebook channel attached, detached and attached again:
 * the simulator's signed deliveries reach the ledger through the channel that took {@code page}, and while
 * no channel takes it they are kept as dead letters and acknowledged, never refused.
 */
class MetaWebhookEngineTest {
    // Random per run, as Meta's app secret: 32 hex digits.
    static final String SECRET = java.util.UUID.randomUUID().toString().replace("-", "");
    static final String VERIFY = "verify-token-" + java.util.UUID.randomUUID();
    static final String PAGE_TOKEN = "page-token-" + java.util.UUID.randomUUID();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path data;
    MetaSimulator sim;
    SocialCareEngine engine;
    Map<String, String> facebook;

    @BeforeEach
    void start() throws Exception {
        int port = SocialCareEngineTest.freePort();
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0)
                .withCallbackUrl("http://127.0.0.1:" + port + "/socialcare/webhooks/meta").withSecrets(PAGE_TOKEN, SECRET, VERIFY).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()));
        facebook = Map.of("graphUrl", sim.baseUrl(), "pageId", sim.pageId(), "pageToken", PAGE_TOKEN);
        engine = SocialCareEngine.start(Map.of(HttpSettings.PID, Map.of("port", String.valueOf(port)),
                MetaWebhookSettings.PID, Map.of("appSecret", SECRET, "verifyToken", VERIFY),
                FacebookSettings.PID, facebook), data, data);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        sim.close();
    }

    @Test
    void facebookTakesPageDeliveriesWhileAttachedAndTheRestAreKeptAsDeadLetters() throws Exception {
        assertTrue(engine.routeIds().contains("webhook-meta"), engine.routeIds().toString());
        assertEquals(Set.of("page"), engine.metaWebhook().objects());

        JsonNode olga = control("/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        sim.deliverDue();
        LedgerEntry comment = entry("facebook:" + olga.get("comment_id").asText());
        assertNotNull(comment, "the comment is in the ledger through the Facebook channel");
        assertEquals(FacebookChannel.FACEBOOK, comment.network());

        engine.detach("facebook");
        assertEquals(Set.of(), engine.metaWebhook().objects());
        JsonNode bob = control("/sim/messenger/messages", "{\"from\":\"Bob\",\"text\":\"Hello?\"}");
        sim.deliverDue();
        JsonNode last = lastDelivery();
        assertEquals(200, last.get("http_status").asInt(), "kept, so acknowledged: " + last);
        assertEquals(null, entry("facebook:" + bob.get("mid").asText()), "no channel read it");
        LedgerEntry kept = deadLetterOfMeta();
        assertEquals(LedgerState.DEAD_LETTER, kept.state());
        assertTrue(kept.text().contains(bob.get("mid").asText()), "the delivery's bytes are kept: " + kept.text());
        assertTrue(kept.lastError().contains("'page'") && kept.lastError().contains("socialcare-facebook"), kept.lastError());

        new FacebookChannelComponent().attach(engine, facebook);
        assertEquals(Set.of("page"), engine.metaWebhook().objects());
        JsonNode carol = control("/sim/messenger/messages", "{\"from\":\"Carol\",\"text\":\"Hi\"}");
        sim.deliverDue();
        assertNotNull(entry("facebook:" + carol.get("mid").asText()), "taken again once attached");
    }

    @Test
    void aWrongMetaFileServesNoWebhookAndSaysWhichSettingToFix() throws Exception {
        engine.serveMetaWebhook(Map.of("appSecret", SECRET));
        assertFalse(engine.routeIds().contains("webhook-meta"), engine.routeIds().toString());
        String health = engine.health().report().toString();
        assertTrue(health.contains("verifyToken in etc/org.socialcarebridge.network.meta.cfg"), health);
        assertEquals(Set.of("page"), engine.metaWebhook().objects(), "Facebook stays attached; Meta retries meanwhile");

        engine.serveMetaWebhook(Map.of("appSecret", SECRET, "verifyToken", VERIFY));
        assertTrue(engine.routeIds().contains("webhook-meta"));
        assertFalse(engine.health().report().toString().contains("verifyToken in"), "the problem left with the values");
        engine.stopMetaWebhook();
        assertFalse(engine.routeIds().contains("webhook-meta"));

        // A help desk without Meta switches it off: nothing served, nothing on the health board, status unaffected.
        engine.serveMetaWebhook(Map.of("enabled", "false", "appSecret", ""));
        assertFalse(engine.routeIds().contains("webhook-meta"));
        assertFalse(engine.health().report().toString().contains("network.meta.cfg"), engine.health().report().toString());
        assertFalse(((Map<?, ?>) engine.health().report().get("channels")).containsKey("meta"));
    }

    @Test
    void theChannelIsNamedFacebookAndReadsItsFile() {
        assertEquals("facebook", new FacebookChannelComponent().name());
        assertEquals(FacebookSettings.PID, new FacebookChannelComponent().pid());
    }

    JsonNode lastDelivery() throws Exception {
        JsonNode all = json.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/webhooks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return all.get(all.size() - 1);
    }

    LedgerEntry entry(String key) {
        return engine.db().read(em -> em.find(LedgerEntry.class, key));
    }

    LedgerEntry deadLetterOfMeta() {
        return engine.db().read(em -> em.createQuery("select e from LedgerEntry e where e.key like :k", LedgerEntry.class)
                .setParameter("k", WebhookDispatch.META.key() + ":%").getSingleResult());
    }

    JsonNode control(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, path + " answered " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }
}
