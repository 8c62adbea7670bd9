package org.socialcarebridge.component.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookDispatch;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * The Meta simulator on a free port delivers its signed, batched webhooks to {@code /socialcare/webhooks/meta}
 * on another free port, served by {@link WebhookRoutes#meta} with the Facebook handler and an in-memory
 * ledger: what Meta sends becomes ledger entries exactly once, and nothing forged is stored.
 */
class FacebookWebhookTest {
    // Random per run, as the simulator has no default secrets; the app secret as Meta's: 32 hex digits.
    static final String SECRET = UUID.randomUUID().toString().replace("-", "");
    static final String VERIFY = "verify-token-" + UUID.randomUUID();
    static final String PAGE_TOKEN = "page-token-" + UUID.randomUUID();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final Health health = new Health();
    Database db;
    Intake intake;
    MetaSimulator sim;
    WebhookDispatch dispatch;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0)
                .withCallbackUrl("http://127.0.0.1:" + port + "/socialcare/webhooks/meta")
                .withSecrets(PAGE_TOKEN, SECRET, VERIFY).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()));
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        // The intake records into the ledger only; filing (the host's side) is tested in the domain.
        intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        MetaWebhookSettings settings = MetaWebhookSettings.from(Map.of("appSecret", SECRET, "verifyToken", VERIFY));
        dispatch = new WebhookDispatch(intake, json);
        dispatch.take(FacebookWebhookHandler.OBJECT, new FacebookWebhookHandler(intake, sim.pageId()));
        camel.addRoutes(WebhookRoutes.meta("jetty:http://127.0.0.1:" + port + "/socialcare", settings, dispatch, health, json,
                Clock.systemUTC()));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        if (sim != null) {
            sim.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aCommentIsOneEntryInAConversationPerCommenterAndPost() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        String post = olga.get("post_id").asText();
        JsonNode olgaAgain = control("POST", "/sim/facebook/comments",
                "{\"from\":\"Olga\",\"text\":\"Order 1234\",\"post_id\":\"" + post + "\"}");
        JsonNode bob = control("POST", "/sim/facebook/comments",
                "{\"from\":\"Bob\",\"text\":\"Mine too\",\"post_id\":\"" + post + "\"}");
        sim.deliverDue();

        assertEquals(3, ledgerSize());
        LedgerEntry first = entry(olga.get("comment_id").asText());
        assertNotNull(first, "the comment is in the ledger under Meta's comment_id");
        assertEquals(LedgerState.RECEIVED, first.state());
        assertEquals("My order is late", first.text());
        assertEquals(Visibility.PUBLIC, first.message().visibility());
        assertEquals(FacebookChannel.FACEBOOK, first.message().network());
        assertEquals(olga.get("from_id").asText(), first.message().author().accountId());
        assertEquals("Olga", first.message().author().displayName());
        assertEquals(post + ":" + olga.get("from_id").asText(), first.message().conversationId());
        assertTrue(first.message().url().contains("comment_id=" + olga.get("comment_id").asText()), first.message().url());
        assertEquals(first.message().conversationId(), entry(olgaAgain.get("comment_id").asText()).message().conversationId(),
                "one commenter under one post is one conversation");
        assertNotEquals(first.message().conversationId(), entry(bob.get("comment_id").asText()).message().conversationId(),
                "another commenter under the same post is another conversation");
    }

    @Test
    void aMessengerMessageIsAPrivateEntry() throws Exception {
        JsonNode sent = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Where is my parcel?\"}");
        sim.deliverDue();

        assertEquals(1, ledgerSize());
        LedgerEntry e = entry(sent.get("mid").asText());
        assertNotNull(e, "the message is in the ledger under Meta's message.mid");
        assertEquals("Where is my parcel?", e.text());
        assertEquals(Visibility.PRIVATE, e.message().visibility());
        assertEquals(sent.get("psid").asText(), e.message().author().accountId());
    }

    @Test
    void aBatchOfFiftyEntriesIsFiftyEntries() throws Exception {
        control("POST", "/sim/faults", "{\"webhook\":\"batch\",\"count\":50}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(control("POST", "/sim/facebook/comments", "{\"from\":\"Person " + i + "\",\"text\":\"caf\u00e9 \ud83d\ude00 "
                    + i + "\"}").get("comment_id").asText());
            ids.add(control("POST", "/sim/messenger/messages", "{\"from\":\"Person " + i + "\",\"text\":\"dm " + i + "\"}")
                    .get("mid").asText());
        }
        sim.deliverDue();

        JsonNode deliveries = control("GET", "/sim/webhooks", null);
        assertEquals(1, deliveries.size(), deliveries.toString());
        assertEquals(50, deliveries.get(0).get("entries").asInt());
        assertEquals(200, deliveries.get(0).get("http_status").asInt());
        assertEquals(50, ledgerSize());
        ids.forEach(id -> assertNotNull(entry(id), id));
        assertEquals("caf\u00e9 \ud83d\ude00 0", entry(ids.get(0)).text(), "Meta's \\u escapes read back as sent");
    }

    @Test
    void theSameDeliveryTwiceStoresNothingNewAndIsAnswered200() throws Exception {
        control("POST", "/sim/faults", "{\"webhook\":\"duplicate\",\"count\":1}");
        control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Hello?\"}");
        sim.deliverDue();

        JsonNode deliveries = control("GET", "/sim/webhooks", null);
        assertEquals(2, deliveries.size(), deliveries.toString());
        assertTrue(deliveries.get(1).get("duplicate").asBoolean());
        deliveries.forEach(d -> assertEquals(200, d.get("http_status").asInt(), d.toString()));
        assertEquals(1, ledgerSize());
        assertEquals(1L, webhookHealth().get("duplicateDeliveries"));
    }

    @Test
    void aRetryAfterAFailedAnswerStoresNothingTwice() throws Exception {
        WebhookDispatch handler = dispatch;
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + sim.pageId() + "\",\"time\":1,\"messaging\":[{\"sender\":"
                + "{\"id\":\"77\"},\"recipient\":{\"id\":\"" + sim.pageId() + "\"},\"timestamp\":1765090000000,\"message\":"
                + "{\"mid\":\"m_1\",\"text\":\"hi\"}}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, handler.receive(new WebhookDelivery("meta", body, Instant.now())).fresh());
        assertTrue(handler.receive(new WebhookDelivery("meta", body, Instant.now())).allSeenBefore());
        assertEquals(1, ledgerSize());
    }

    @Test
    void thePagesOwnReplyIsNotStored() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        sim.deliverDue();
        JsonNode reply = control("POST", "/v23.0/" + olga.get("comment_id").asText() + "/comments?access_token=" + PAGE_TOKEN,
                "{\"message\":\"Sorry, Olga: we are on it\"}");
        assertNotNull(reply.get("id"), reply.toString());
        sim.deliverDue();

        JsonNode deliveries = control("GET", "/sim/webhooks", null);
        assertEquals(2, deliveries.size(), "the Page's reply came back through the webhook: " + deliveries);
        assertEquals(200, deliveries.get(1).get("http_status").asInt());
        assertEquals(1, ledgerSize());
        assertNotNull(entry(olga.get("comment_id").asText()));
    }

    @Test
    void aForgedDeliveryStoresNothing() throws Exception {
        // Meta retries a failed delivery at once: both attempts are forged.
        control("POST", "/sim/faults", "{\"webhook\":\"forge\",\"count\":2}");
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Mallory\",\"text\":\"forged\"}");
        sim.deliverDue();

        JsonNode deliveries = control("GET", "/sim/webhooks", null);
        assertEquals(2, deliveries.size(), deliveries.toString());
        deliveries.forEach(d -> {
            assertEquals("failed", d.get("status").asText());
            int status = d.get("http_status").asInt();
            assertTrue(status == 401 || status == 403, d.toString());
        });
        assertEquals(0, ledgerSize());
        assertEquals(2L, webhookHealth().get("forged"));

        // Meta's next retry, a minute later on its clock, is signed with the real secret: stored once.
        control("POST", "/sim/clock", "{\"advance_seconds\":61}");
        sim.deliverDue();
        assertEquals(1, ledgerSize());
        assertNotNull(entry(olga.get("comment_id").asText()));
    }

    @Test
    void anUnreadableEntryIsADeadLetterAndTheRestIsKept() throws Exception {
        WebhookDispatch handler = dispatch;
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":"
                + "{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1_2\",\"comment_id\":\"2_3\",\"message\":\"no author\"}},"
                + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1_2\",\"comment_id\":\"2_4\","
                + "\"from\":{\"id\":\"9\",\"name\":\"Ann\"},\"message\":\"fine\",\"created_time\":1765090000}}]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var receipt = handler.receive(new WebhookDelivery("meta", body, Instant.now()));
        assertEquals(2, receipt.events());
        assertEquals(2, receipt.fresh());
        assertEquals(LedgerState.DEAD_LETTER, entry("2_3").state());
        assertEquals(LedgerState.RECEIVED, entry("2_4").state());
        assertEquals(Instant.ofEpochSecond(1765090000), entry("2_4").message().createdAt());

        byte[] garbage = "{\"object\":\"page\",\"entry\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, handler.receive(new WebhookDelivery("meta", garbage, Instant.now())).fresh());
        assertTrue(handler.receive(new WebhookDelivery("meta", garbage, Instant.now())).allSeenBefore(),
                "the same unreadable bytes are one dead letter");
        assertEquals(3, ledgerSize());
    }

    @Test
    void echoesReadsAndOtherObjectsAreNoCustomerMessages() throws Exception {
        WebhookDispatch handler = dispatch;
        String page = sim.pageId();
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":1,\"messaging\":["
                + "{\"sender\":{\"id\":\"" + page + "\"},\"recipient\":{\"id\":\"77\"},\"timestamp\":1,\"message\":"
                + "{\"is_echo\":true,\"mid\":\"m_echo\",\"text\":\"our answer\"}},"
                + "{\"sender\":{\"id\":\"77\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":1,\"read\":{\"watermark\":1}}]},"
                + "{\"id\":\"" + page + "\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"reaction\","
                + "\"verb\":\"add\",\"post_id\":\"1_2\",\"from\":{\"id\":\"77\"}}}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var receipt = handler.receive(new WebhookDelivery("meta", body, Instant.now()));
        assertEquals(0, receipt.events());
        assertEquals(0, ledgerSize());

        byte[] instagram = "{\"object\":\"instagram\",\"entry\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, handler.receive(new WebhookDelivery("meta", instagram, Instant.now())).fresh(),
                "a product no channel takes yet is kept, not lost");
        assertEquals(1, ledgerSize());
        LedgerEntry kept = db.read(em -> em.createQuery("select e from LedgerEntry e", LedgerEntry.class).getSingleResult());
        assertEquals(LedgerState.DEAD_LETTER, kept.state());
        assertTrue(kept.lastError().contains("no running channel takes its object 'instagram' (running: page)"),
                kept.lastError());
        assertEquals(WebhookDispatch.META, kept.network());
        assertEquals("{\"object\":\"instagram\",\"entry\":[]}", kept.text(), "the bytes as they came");
    }

    @Test
    void theChannelDeclaresFacebooksRules() {
        FacebookChannel channel = new FacebookChannel();
        assertEquals("facebook", channel.key());
        assertEquals("Facebook", channel.network().displayName());
        assertEquals(Duration.ofHours(24), channel.privateMessages().orElseThrow().window());
        assertTrue(channel.privateMessages().orElseThrow().oneReplyToPublicComment());
        assertFalse(channel.privateMessages().orElseThrow().templatesOutsideWindow());
        assertEquals(Duration.ofDays(7), FacebookChannel.HUMAN_AGENT_WINDOW);
        assertEquals(Duration.ofDays(7), FacebookChannel.PRIVATE_REPLY_WINDOW);
        assertTrue(channel.receives().stream().allMatch(i -> i.arrival() == org.socialcarebridge.channel.Inbound.Arrival.WEBHOOK));
    }

    JsonNode control(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }

    long ledgerSize() {
        return db.read(em -> em.createQuery("select count(e) from LedgerEntry e", Long.class).getSingleResult());
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "facebook:" + id));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> webhookHealth() {
        return (Map<String, Object>) health.report().get("webhook:meta");
    }
}
