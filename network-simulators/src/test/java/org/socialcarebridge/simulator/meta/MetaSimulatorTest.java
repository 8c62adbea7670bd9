package org.socialcarebridge.simulator.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The Facebook Page and Messenger on the Meta simulator, over real HTTP (see {@link MetaSimulatorFixture}). */
class MetaSimulatorTest extends MetaSimulatorFixture {
    @Test
    void itStartsOnlyWithAllFourSecretsAndNeverPrintsThem() {
        MetaSimulator.Config config = MetaSimulator.Config.defaults().withPort(0).withSecrets(TOKEN, null, "  ");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MetaSimulator.start(config));
        assertTrue(e.getMessage().contains("SIM_META_APP_SECRET") && e.getMessage().contains("SIM_META_VERIFY_TOKEN"),
                e.getMessage());
        assertFalse(e.getMessage().contains("SIM_META_PAGE_TOKEN"), e.getMessage());
        assertEquals(List.of("SIM_META_PAGE_TOKEN (the Page token)", "SIM_META_APP_SECRET (the app secret)",
                "SIM_META_VERIFY_TOKEN (the verify token)", "SIM_WHATSAPP_TOKEN (the WhatsApp system-user token)"),
                MetaSimulator.Config.defaults().missingSecrets());
        String printed = MetaSimulator.Config.defaults().withSecrets(TOKEN, SECRET, VERIFY).withWhatsAppToken(WHATSAPP_TOKEN)
                .toString();
        assertFalse(printed.contains(TOKEN) || printed.contains(SECRET) || printed.contains(VERIFY)
                || printed.contains(WHATSAPP_TOKEN), printed);
    }

    @Test
    void aCommentIsDeliveredSignedOverTheExactEscapedBytes() throws Exception {
        JsonNode c = control("POST", "/sim/facebook/comments", "{\"from\":\"Jürgen\",\"text\":\"Grüße: see https://x.y/z\"}").body();
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        Received d = receiver.deliveries.get(0);
        assertTrue(d.signed(), "the signature is HMAC-SHA256 of the raw bytes with the app secret");
        String raw = new String(d.body(), StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Gr\\u00FC\\u00DFe") && raw.contains("https:\\/\\/x.y\\/z"),
                "non-ASCII and slashes are escaped as Meta escapes them, so re-serialising breaks the signature: " + raw);
        assertEquals("page", d.json().get("object").asText());
        JsonNode value = d.json().at("/entry/0/changes/0");
        assertEquals("feed", value.get("field").asText());
        assertEquals(c.get("comment_id").asText(), value.at("/value/comment_id").asText());
        assertEquals(c.get("post_id").asText(), value.at("/value/post_id").asText());
        assertEquals(c.get("post_id").asText(), value.at("/value/parent_id").asText());
        assertEquals(c.get("from_id").asText(), value.at("/value/from/id").asText());
        assertEquals("Grüße: see https://x.y/z", value.at("/value/message").asText());
        assertEquals("comment", value.at("/value/item").asText());
        assertEquals("add", value.at("/value/verb").asText());
        assertEquals(page, d.json().at("/entry/0/id").asText());

        JsonNode reply = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"me too\",\"parent_comment_id\":\""
                + c.get("comment_id").asText() + "\"}").body();
        sim.deliverDue();
        assertEquals(c.get("post_id").asText(), reply.get("post_id").asText());
        assertEquals(c.get("comment_id").asText(), receiver.deliveries.get(1).json().at("/entry/0/changes/0/value/parent_id").asText());

        JsonNode log = control("GET", "/sim/webhooks", null).body();
        assertEquals("page", log.get(0).get("object").asText());
        assertEquals("delivered", log.get(0).get("status").asText());
        assertNotNull(log.get(0).get("time").asText());
    }

    @Test
    void aBatchFaultSendsFiftyEntriesInOneDelivery() throws Exception {
        assertEquals(201, control("POST", "/sim/faults", "{\"webhook\":\"batch\",\"count\":50}").status());
        for (int i = 0; i < 25; i++) {
            comment("c" + i, "comment " + i);
            message("m" + i, "message " + i);
        }
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        JsonNode entries = receiver.deliveries.get(0).json().get("entry");
        assertEquals(50, entries.size());
        int messaging = 0;
        for (JsonNode e : entries) {
            messaging += e.has("messaging") ? 1 : 0;
        }
        assertEquals(25, messaging);
        assertEquals(50, control("GET", "/sim/webhooks", null).body().get(0).get("entries").asInt());
    }

    @Test
    void aMessengerMessageArrivesWithItsPsidAndMid() throws Exception {
        JsonNode m = message("Olga", "Where is my parcel?");
        sim.deliverDue();
        JsonNode event = receiver.deliveries.get(0).json().at("/entry/0/messaging/0");
        assertEquals(m.get("psid").asText(), event.at("/sender/id").asText());
        assertEquals(page, event.at("/recipient/id").asText());
        assertEquals(m.get("mid").asText(), event.at("/message/mid").asText());
        assertEquals("Where is my parcel?", event.at("/message/text").asText());
        assertTrue(event.get("timestamp").isNumber());
        assertEquals(m.get("psid").asText(), comment("Olga", "and here").get("from_id").asText(),
                "one person, one id on the Page: Messenger and comments join");
    }

    @Test
    void aPublicReplyIsRecordedAndAHiddenCommentStaysHidden() throws Exception {
        JsonNode c = comment("Olga", "Broken on arrival");
        String id = c.get("comment_id").asText();
        // Form-encoded, as many Graph clients send it.
        Answer a = call("POST", "/v23.0/" + id + "/comments", "application/x-www-form-urlencoded",
                "message=" + URLEncoder.encode("Sorry! We are on it.", StandardCharsets.UTF_8) + "&access_token=" + TOKEN);
        assertEquals(200, a.status(), a.raw().body());
        assertTrue(a.body().get("id").asText().contains("_"));
        JsonNode sent = control("GET", "/sim/sent", null).body();
        assertEquals(1, sent.size());
        JsonNode s = sent.get(0);
        List<String> names = new ArrayList<>();
        s.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("channel", "kind", "to", "in_reply_to", "text", "tag", "time"), names);
        assertEquals("facebook", s.get("channel").asText());
        assertEquals("comment_reply", s.get("kind").asText());
        assertEquals(c.get("from_id").asText(), s.get("to").asText());
        assertEquals(id, s.get("in_reply_to").asText());
        assertEquals("Sorry! We are on it.", s.get("text").asText());
        assertTrue(s.get("tag").isNull());

        assertEquals(true, graph("POST", "/" + id, "{\"is_hidden\":true}").body().get("success").asBoolean());
        assertTrue(graph("GET", "/" + id, null).body().get("is_hidden").asBoolean());
        assertGraphError(graph("POST", "/" + a.body().get("id").asText(), "{\"is_hidden\":true}"), 100, null);
        assertGraphError(graph("POST", "/123_456/comments", "{\"message\":\"x\"}"), 100, 33);
    }

    @Test
    void aPrivateReplyIsOfferedOncePerCommentWithinSevenDays() throws Exception {
        JsonNode c = comment("Olga", "I was charged twice");
        String id = c.get("comment_id").asText();
        assertTrue(graph("GET", "/" + id, null).body().get("can_reply_privately").asBoolean());
        String body = "{\"recipient\":{\"comment_id\":\"" + id + "\"},\"message\":{\"text\":\"Please send us your order number\"}}";
        Answer first = graph("POST", "/" + page + "/messages", body);
        assertEquals(200, first.status(), first.raw().body());
        assertEquals(c.get("from_id").asText(), first.body().get("recipient_id").asText());
        assertTrue(first.body().get("message_id").asText().startsWith("m_"));
        assertGraphError(graph("POST", "/" + page + "/messages", body), 10900, null);
        assertFalse(graph("GET", "/" + id, null).body().get("can_reply_privately").asBoolean());
        JsonNode s = control("GET", "/sim/sent", null).body().get(0);
        assertEquals("private_reply", s.get("kind").asText());
        assertEquals("facebook", s.get("channel").asText());
        assertEquals(id, s.get("in_reply_to").asText());
        // The private reply opens no window: the Page may write again only once the person answers.
        assertGraphError(send(c.get("from_id").asText(), "RESPONSE", null, "Anything else?"), 10, 2018278);

        String late = comment("Ivan", "hello?").get("comment_id").asText();
        advance(7 * 24 * 3600);
        assertGraphError(graph("POST", "/" + page + "/messages",
                "{\"recipient\":{\"comment_id\":\"" + late + "\"},\"message\":{\"text\":\"too late\"}}"), 10903, null);
        assertEquals(1, control("GET", "/sim/sent", null).body().size(), "refused replies are not sent");
    }

    @Test
    void messengerHasA24HourWindowAndHumanAgentForSevenDays() throws Exception {
        String psid = message("Olga", "Hi").get("psid").asText();
        assertEquals(200, send(psid, "RESPONSE", null, "Hello Olga").status());
        advance(24 * 3600);
        assertGraphError(send(psid, "RESPONSE", null, "late"), 10, 2018278);
        Answer tagged = send(psid, "MESSAGE_TAG", "HUMAN_AGENT", "An agent here");
        assertEquals(200, tagged.status(), tagged.raw().body());
        advance(6 * 24 * 3600);
        assertGraphError(send(psid, "MESSAGE_TAG", "HUMAN_AGENT", "too late"), 10, 2018278);
        assertGraphError(send(psid, "MESSAGE_TAG", null, "no tag"), 100, null);
        String mid = message("Olga", "still there?").get("mid").asText();
        assertEquals(200, send(psid, "RESPONSE", null, "yes").status(), "a new message opens the window again");

        JsonNode sent = control("GET", "/sim/sent", null).body();
        assertEquals(3, sent.size());
        assertEquals("HUMAN_AGENT", sent.get(1).get("tag").asText());
        assertEquals("messenger", sent.get(1).get("channel").asText());
        assertEquals("message", sent.get(1).get("kind").asText());
        assertEquals(psid, sent.get(2).get("to").asText());
        assertEquals(mid, sent.get(2).get("in_reply_to").asText());
        assertGraphError(send("42", "RESPONSE", null, "who?"), 100, 2018001);
    }

    @Test
    void markSeenIsASenderActionWithoutAMessage() throws Exception {
        JsonNode m = message("Olga", "Hi");
        Answer a = graph("POST", "/" + page + "/messages", "{\"recipient\":{\"id\":\"" + m.get("psid").asText()
                + "\"},\"sender_action\":\"MARK_SEEN\"}");
        assertEquals(200, a.status(), a.raw().body());
        JsonNode actions = control("GET", "/sim/messenger/actions", null).body();
        assertEquals("MARK_SEEN", actions.get(0).get("sender_action").asText());
        assertEquals(m.get("mid").asText(), actions.get(0).get("last_inbound_mid").asText());
        assertEquals(0, control("GET", "/sim/sent", null).body().size());
    }

    @Test
    void theTokenIsCheckedInTheQueryTheBodyOrAsBearer() throws Exception {
        Answer none = call("GET", "/v23.0/" + page + "/subscribed_apps", null, null);
        assertGraphError(none, 104, null);
        assertGraphError(call("GET", "/v23.0/" + page + "/subscribed_apps?access_token=wrong", null, null), 190, null);
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v23.0/" + page
                + "/subscribed_apps")).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bearer.statusCode());
        assertTrue(bearer.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow().contains(page));
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameBytesAndDuplicatesOnRequest() throws Exception {
        receiver.answers.add(500);
        receiver.answers.add(503);
        comment("Olga", "retry me");
        sim.deliverDue();
        assertEquals(2, receiver.deliveries.size(), "a failure is retried at once, then backs off");
        advance(60);
        sim.deliverDue();
        assertEquals(3, receiver.deliveries.size());
        assertTrue(java.util.Arrays.equals(receiver.deliveries.get(0).body(), receiver.deliveries.get(2).body()));
        List<String> statuses = new ArrayList<>();
        control("GET", "/sim/webhooks", null).body().forEach(d -> statuses.add(d.get("status").asText()));
        assertEquals(List.of("failed", "failed", "delivered"), statuses);

        control("POST", "/sim/faults", "{\"webhook\":\"duplicate\",\"count\":1}");
        comment("Ivan", "twice");
        sim.deliverDue();
        assertEquals(5, receiver.deliveries.size());
        assertTrue(java.util.Arrays.equals(receiver.deliveries.get(3).body(), receiver.deliveries.get(4).body()));

        control("POST", "/sim/faults", "{\"webhook\":\"forge\",\"count\":1}");
        comment("Mallory", "forged");
        sim.deliverDue();
        assertFalse(receiver.deliveries.get(5).signed(), "a forged signature fails the receiver's check");
    }

    @Test
    void anHourOfFailuresDisablesTheSubscriptionUntilTheAppResubscribes() throws Exception {
        receiver.otherwise = 500;
        comment("Olga", "lost");
        sim.deliverDue();
        advance(3600);
        sim.deliverDue();
        JsonNode apps = graph("GET", "/" + page + "/subscribed_apps", null).body();
        assertEquals(0, apps.get("data").size(), "Meta unsubscribes the app after an hour of failures");
        JsonNode log = control("GET", "/sim/webhooks", null).body();
        assertEquals("disabled", log.get(log.size() - 1).get("status").asText());
        int before = receiver.deliveries.size();
        receiver.otherwise = 200;
        comment("Ivan", "not delivered while unsubscribed");
        sim.deliverDue();
        assertEquals(before, receiver.deliveries.size());

        receiver.verifyToken = "something else";
        assertGraphError(graph("POST", "/" + page + "/subscribed_apps?subscribed_fields=feed,messages", null), 2200, null);
        receiver.verifyToken = VERIFY;
        Answer again = graph("POST", "/" + page + "/subscribed_apps?subscribed_fields=feed,messages", null);
        assertEquals(200, again.status(), again.raw().body());
        assertEquals(2, receiver.handshakes);
        JsonNode statuses = control("GET", "/sim/webhooks", null).body();
        assertEquals("verification_failed", statuses.get(statuses.size() - 2).get("status").asText());
        assertEquals("verified", statuses.get(statuses.size() - 1).get("status").asText());
        apps = graph("GET", "/" + page + "/subscribed_apps", null).body();
        assertEquals(List.of("feed", "messages"), List.of(apps.at("/data/0/subscribed_fields/0").asText(),
                apps.at("/data/0/subscribed_fields/1").asText()));
        comment("Ivan", "delivered again");
        sim.deliverDue();
        assertEquals(before + 1, receiver.deliveries.size());
        assertGraphError(graph("POST", "/" + page + "/subscribed_apps?subscribed_fields=bogus", null), 100, null);
    }

    @Test
    void recoveryReadsTheFeedCommentsAndConversationsSinceATime() throws Exception {
        JsonNode c = comment("Olga", "first");
        String post = c.get("post_id").asText();
        advance(3600);
        long since = sim.now().getEpochSecond();
        comment("Ivan", "second");
        String psid = message("Olga", "dm").get("psid").asText();

        JsonNode feed = graph("GET", "/" + page + "/feed?since=" + since, null).body();
        assertEquals(post, feed.at("/data/0/id").asText(), "a new comment moves its post's updated_time");
        JsonNode newer = graph("GET", "/" + post + "/comments?filter=stream&since=" + since, null).body();
        assertEquals(1, newer.get("data").size());
        assertEquals("second", newer.at("/data/0/message").asText());
        JsonNode all = graph("GET", "/" + post + "/comments?limit=1", null).body();
        assertEquals("first", all.at("/data/0/message").asText());
        String after = all.at("/paging/cursors/after").asText();
        assertEquals("second", graph("GET", "/" + post + "/comments?limit=1&after=" + after, null).body()
                .at("/data/0/message").asText());

        JsonNode conversations = graph("GET", "/" + page + "/conversations?platform=MESSENGER&since=" + since, null).body();
        assertEquals(1, conversations.get("data").size());
        assertEquals(psid, conversations.at("/data/0/participants/data/0/id").asText());
        JsonNode messages = graph("GET", "/" + conversations.at("/data/0/id").asText() + "/messages", null).body();
        assertEquals("dm", messages.at("/data/0/message").asText());
        assertEquals(post, graph("GET", "/" + post, null).body().get("id").asText());
        assertEquals(page, graph("GET", "/me", null).body().get("id").asText(), "me is the Page with a Page token");
    }

    @Test
    void faultsAndTheRequestLogWorkAsOnTheXSimulator() throws Exception {
        String psid = message("Olga", "Hi").get("psid").asText();
        control("POST", "/sim/faults", "{\"method\":\"POST\",\"path\":\"/v23.0/" + page + "/messages\",\"status\":429}");
        Answer limited = send(psid, "RESPONSE", null, "hello");
        assertEquals(429, limited.status());
        assertEquals(80001, limited.body().at("/error/code").asInt());
        JsonNode usage = json.readTree(limited.raw().headers().firstValue("X-Business-Use-Case-Usage").orElseThrow());
        assertTrue(usage.at("/" + page + "/0/estimated_time_to_regain_access").asInt() >= 1);
        assertEquals(200, send(psid, "RESPONSE", null, "hello").status());
        JsonNode log = control("GET", "/sim/requests", null).body();
        assertEquals(2, log.size());
        assertFalse(log.toString().contains(TOKEN), "the token is not in the request log: " + log);
        assertEquals(429, log.get(0).get("status").asInt());
        assertEquals("/v23.0/" + page + "/messages", log.get(1).get("path").asText());
        assertEquals(400, control("POST", "/sim/clock", "{\"advance_seconds\":-5}").status());
        assertEquals(400, control("POST", "/sim/faults", "{\"webhook\":\"nonsense\"}").status());
        assertEquals(Set.of(), Set.copyOf(receiver.deliveries.stream().filter(d -> !d.signed()).toList()));
    }
}
