package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;

/**
 * The X simulator's signed Activity events, through {@code /socialcare/webhooks/x} on a free port and
 * the {@link XWebhookHandler}, into the ledger: the same entries the pollers make, each once, nothing forged.
 */
class XWebhookHandlerTest {
    @RegisterExtension
    final XFixture x = new XFixture();
    XWebhookHandler handler;

    @BeforeEach
    void serve() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        handler = new XWebhookHandler(x.intake(), x.component().api(), x.sim()::brandId, false, x.json());
        x.camel().addRoutes(WebhookRoutes.x("jetty:http://127.0.0.1:" + port + "/socialcare", x.consumerSecret(), 64 * 1024, 4,
                handler, x.health(), x.json(), Clock.systemUTC()));
        String url = "http://127.0.0.1:" + port + "/socialcare/webhooks/x";
        JsonNode hook = x.call("POST", "/2/webhooks", XFixture.TOKEN, "{\"url\":\"" + url + "\"}");
        String id = hook.at("/data/id").asText();
        assertEquals(false, id.isEmpty(), hook.toString());
        for (String type : new String[] {XWebhookHandler.MENTION, XWebhookHandler.DM}) {
            JsonNode s = x.call("POST", "/2/activity/subscriptions", XFixture.TOKEN, "{\"event_type\":\"" + type
                    + "\",\"filter\":{\"user_id\":\"" + x.sim().brandId() + "\"},\"webhook_id\":\"" + id + "\"}");
            assertEquals(type, s.at("/data/subscription/event_type").asText(), s.toString());
        }
    }

    @Test
    void aMentionAndADirectMessageBecomeTheEntriesThePollersMakeAndPollingAddsNothing() throws Exception {
        String mention = x.tweet("olga", "@acme my parcel is late");
        JsonNode dm = x.call("POST", "/2/dm_conversations/with/" + x.sim().brandId() + "/messages", "sim-user:olga",
                "{\"text\":\"order 42\"}");
        x.sim().deliverDue();

        LedgerEntry post = x.entry(mention);
        assertNotNull(post, "the mention is in the ledger under its post id");
        assertEquals(LedgerState.RECEIVED, post.state());
        assertEquals("@acme my parcel is late", post.text());
        assertEquals(Visibility.PUBLIC, post.message().visibility());
        assertEquals("olga", post.message().author().handle());
        assertEquals(mention, post.message().conversationId());
        assertEquals("https://x.com/olga/status/" + mention, post.message().url());

        LedgerEntry direct = x.entry(dm.at("/data/dm_event_id").asText());
        assertNotNull(direct, "the DM is in the ledger under its event id");
        assertEquals("order 42", direct.text());
        assertEquals(Visibility.PRIVATE, direct.message().visibility());
        assertEquals("olga", direct.message().author().handle());
        assertEquals(dm.at("/data/dm_conversation_id").asText(), direct.message().conversationId());
        assertNotNull(direct.message().createdAt());

        assertEquals(0, x.handPoll().poll(), "the pollers find both in the ledger already");
    }

    @Test
    void aForgedDeliveryStoresNothingAndADuplicateStoresNothingTwice() throws Exception {
        x.call("POST", "/sim/faults", null, "{\"webhook\":\"forge\",\"count\":1}");
        String forged = x.tweet("mallory", "@acme forged");
        x.sim().deliverDue();
        assertNull(x.entry(forged), "refused: 403, nothing stored");
        x.call("POST", "/sim/clock", null, "{\"advance_seconds\":10}");
        x.sim().deliverDue();
        assertNotNull(x.entry(forged), "X's retry, signed right, is stored");

        x.call("POST", "/sim/faults", null, "{\"webhook\":\"duplicate\",\"count\":1}");
        String twice = x.tweet("ivan", "@acme twice");
        x.sim().deliverDue();
        assertNotNull(x.entry(twice));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> board = (java.util.Map<String, Object>) x.health().report().get("webhook:x");
        assertEquals(1L, board.get("forged"));
        assertEquals(3L, board.get("deliveries"));
        assertEquals(1L, board.get("duplicateDeliveries"));
        assertEquals(2L, board.get("events"), "two fresh messages, the duplicate none");
    }

    @Test
    void aBodyThatIsNotJsonIsADeadLetterAndAnotherAccountsEventIsSkipped() throws Exception {
        byte[] garbage = "not json {".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, handler.receive(new WebhookDelivery("x", garbage, Instant.now())).events());
        byte[] other = ("{\"data\":{\"event_uuid\":\"1\",\"filter\":{\"user_id\":\"999\"},\"event_type\":\"post.mention.create\","
                + "\"payload\":{\"id\":\"77\",\"text\":\"hi\",\"author_id\":\"5\"}}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(0, handler.receive(new WebhookDelivery("x", other, Instant.now())).events());
        assertNull(x.entry("77"));
        // No filter: not taken as the brand's (a forger's first guess), and not silently dropped either.
        byte[] unfiltered = ("{\"data\":{\"event_uuid\":\"2\",\"event_type\":\"post.mention.create\","
                + "\"payload\":{\"id\":\"78\",\"text\":\"hi\",\"author_id\":\"5\"}}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(1, handler.receive(new WebhookDelivery("x", unfiltered, Instant.now())).events(), "a dead letter");
        assertNull(x.entry("78"), "never filed as a mention");
    }

    @Test
    void aMentionInAThreadComesWithItsThreadAsThePollBringsItAndPollingAddsNothing() throws Exception {
        String root = x.tweet("bob", "my parcel never came"); // mentions nobody: X delivers nothing for it
        String mention = x.call("POST", "/2/tweets", "sim-user:olga", "{\"text\":\"@acme same here\",\"reply\":"
                + "{\"in_reply_to_tweet_id\":\"" + root + "\"}}").at("/data/id").asText();
        x.sim().deliverDue();

        LedgerEntry reply = x.entry(mention);
        assertNotNull(reply);
        assertEquals(root, reply.message().conversationId(), "the thread's conversation, as the poll reads it");
        assertEquals(root, reply.message().inReplyToId());
        LedgerEntry first = x.entry(root);
        assertNotNull(first, "the post it answers came along, as the poll brings it");
        assertEquals(root, first.message().conversationId());
        assertEquals(0, x.handPoll().poll(), "one entry each: the poll finds both in the ledger");
    }

    @Test
    void theWebhookLineLeavesTheHealthReportWithItsRoute() throws Exception {
        assertTrue(x.health().report().containsKey("webhook:x"));
        x.camel().getRouteController().stopRoute("webhook-x");
        x.camel().removeRoute("webhook-x");
        assertFalse(x.health().report().containsKey("webhook:x"), "intake changed to poll: no webhook line left behind");
    }

    @Test
    void conversationIdsPutTheSmallerIdFirstAsNumbers() {
        assertEquals("9-10", XWebhookHandler.conversation("10", "9"));
        assertEquals("12-13", XWebhookHandler.conversation("12", "13"));
    }
}
