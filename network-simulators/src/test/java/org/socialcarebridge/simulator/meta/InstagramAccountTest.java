package org.socialcarebridge.simulator.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The Instagram account on the Meta simulator: its webhooks, Graph calls and control API over real HTTP. */
class InstagramAccountTest extends MetaSimulatorFixture {
    JsonNode igComment(String body) throws Exception {
        Answer a = control("POST", "/sim/instagram/comments", body);
        assertEquals(201, a.status(), a.raw().body());
        return a.body();
    }

    JsonNode igMessage(String from, String text) throws Exception {
        Answer a = control("POST", "/sim/instagram/messages", "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}");
        assertEquals(201, a.status(), a.raw().body());
        return a.body();
    }

    Answer dm(String recipient, String type, String tag, String text) throws Exception {
        return graph("POST", "/" + sim.instagramAccountId() + "/messages", "{\"recipient\":" + recipient
                + ",\"messaging_type\":\"" + type + "\"" + (tag == null ? "" : ",\"tag\":\"" + tag + "\"")
                + ",\"message\":{\"text\":\"" + text + "\"}}");
    }

    JsonNode lastDelivery() {
        Received d = receiver.deliveries.get(receiver.deliveries.size() - 1);
        assertTrue(d.signed(), "signed with the app secret like the Page's webhooks");
        return d.json();
    }

    @Test
    void aCommentOnTheBrandsMediaIsASignedInstagramWebhookAndReadableById() throws Exception {
        String ig = sim.instagramAccountId();
        assertEquals("17841400000000001", ig);
        JsonNode c = igComment("{\"from\":\"olga.k\",\"text\":\"Where is my order?\"}");
        sim.deliverDue();
        assertEquals(1, receiver.deliveries.size());
        JsonNode d = lastDelivery();
        assertEquals("instagram", d.get("object").asText());
        assertEquals(ig, d.at("/entry/0/id").asText());
        assertTrue(d.at("/entry/0/time").asLong() < 100_000_000_000L, "the entry's time is in seconds");
        JsonNode change = d.at("/entry/0/changes/0");
        assertEquals("comments", change.get("field").asText());
        assertEquals(c.get("comment_id").asText(), change.at("/value/id").asText());
        assertEquals(c.get("from_id").asText(), change.at("/value/from/id").asText());
        assertEquals("olga.k", change.at("/value/from/username").asText());
        assertEquals("Where is my order?", change.at("/value/text").asText());
        assertEquals(c.get("media_id").asText(), change.at("/value/media/id").asText());
        assertEquals("FEED", change.at("/value/media/media_product_type").asText());
        assertFalse(change.get("value").has("parent_id"));

        JsonNode read = graph("GET", "/" + c.get("comment_id").asText()
                + "?fields=id,text,timestamp,username,from,media,parent_id,hidden", null).body();
        assertEquals("Where is my order?", read.get("text").asText());
        assertEquals("olga.k", read.get("username").asText());
        assertEquals(c.get("from_id").asText(), read.at("/from/id").asText());
        assertEquals(c.get("media_id").asText(), read.at("/media/id").asText());
        assertFalse(read.get("hidden").asBoolean());

        JsonNode reply = igComment("{\"from\":\"piet\",\"text\":\"me too\",\"parent_comment_id\":\""
                + c.get("comment_id").asText() + "\"}");
        sim.deliverDue();
        assertEquals(c.get("comment_id").asText(), lastDelivery().at("/entry/0/changes/0/value/parent_id").asText());

        JsonNode media = graph("GET", "/" + ig + "/media?fields=id,timestamp,caption,permalink&limit=10", null).body();
        assertEquals(c.get("media_id").asText(), media.at("/data/0/id").asText());
        assertFalse(media.at("/data/0/permalink").asText().isEmpty());
        JsonNode comments = graph("GET", "/" + c.get("media_id").asText()
                + "/comments?fields=id,text,timestamp,username,from,parent_id&limit=10", null).body();
        assertEquals(List.of(c.get("comment_id").asText(), reply.get("comment_id").asText()),
                List.of(comments.at("/data/0/id").asText(), comments.at("/data/1/id").asText()));
        assertEquals(c.get("comment_id").asText(), comments.at("/data/1/parent_id").asText());
    }

    @Test
    void aMentionCarriesIdsOnlyAndItsTextIsReadThroughMentionedComment() throws Exception {
        String ig = sim.instagramAccountId();
        igComment("{\"from\":\"ivan\",\"text\":\"nice shoes\",\"media_id\":\"17999000000000001\"}");
        sim.deliverDue();
        assertEquals(0, receiver.deliveries.size(), "a comment on someone else's media that does not mention the brand");
        JsonNode c = igComment("{\"from\":\"ivan\",\"text\":\"@acme my parcel is late\",\"media_id\":\"17999000000000001\"}");
        assertEquals("17999000000000001", c.get("media_id").asText());
        sim.deliverDue();
        JsonNode change = lastDelivery().at("/entry/0/changes/0");
        assertEquals("mentions", change.get("field").asText());
        assertEquals(2, change.get("value").size(), "ids only: " + change);
        assertEquals("17999000000000001", change.at("/value/media_id").asText());
        String commentId = c.get("comment_id").asText();
        assertEquals(commentId, change.at("/value/comment_id").asText());

        assertGraphError(graph("GET", "/" + commentId, null), 100, 33);
        String fields = URLEncoder.encode("mentioned_comment.comment_id(" + commentId
                + "){id,text,timestamp,username,from,media{id}}", StandardCharsets.UTF_8);
        JsonNode read = graph("GET", "/" + ig + "?fields=" + fields, null).body();
        assertEquals(ig, read.get("id").asText());
        assertEquals(commentId, read.at("/mentioned_comment/id").asText());
        assertEquals("@acme my parcel is late", read.at("/mentioned_comment/text").asText());
        assertEquals("ivan", read.at("/mentioned_comment/username").asText());
        assertEquals("17999000000000001", read.at("/mentioned_comment/media/id").asText());

        assertGraphError(graph("POST", "/" + ig + "/mentions?comment_id=" + commentId + "&media_id=17999000000000002"
                + "&message=Hi", null), 100, null);
        Answer replied = graph("POST", "/" + ig + "/mentions?comment_id=" + commentId + "&media_id=17999000000000001"
                + "&message=Sorry%20Ivan", null);
        assertEquals(200, replied.status(), replied.raw().body());
        assertFalse(replied.body().get("id").asText().isEmpty());
        JsonNode sent = control("GET", "/sim/sent", null).body().get(0);
        assertEquals("instagram", sent.get("channel").asText());
        assertEquals("mention_reply", sent.get("kind").asText());
        assertEquals(commentId, sent.get("in_reply_to").asText());
        assertEquals("Sorry Ivan", sent.get("text").asText());
    }

    @Test
    void aPrivateReplyGoesOncePerCommentWithinSevenDaysAndOpensNoWindow() throws Exception {
        JsonNode c = igComment("{\"from\":\"olga.k\",\"text\":\"my order\"}");
        String recipient = "{\"comment_id\":\"" + c.get("comment_id").asText() + "\"}";
        Answer first = dm(recipient, "RESPONSE", null, "Let us talk here");
        assertEquals(200, first.status(), first.raw().body());
        assertEquals(c.get("from_id").asText(), first.body().get("recipient_id").asText());
        assertGraphError(dm(recipient, "RESPONSE", null, "again"), 10900, null);
        assertGraphError(dm("{\"id\":\"" + c.get("from_id").asText() + "\"}", "RESPONSE", null, "hello?"), 10, 2018278);

        JsonNode old = igComment("{\"from\":\"piet\",\"text\":\"old one\"}");
        advance(7 * 24 * 3600);
        assertGraphError(dm("{\"comment_id\":\"" + old.get("comment_id").asText() + "\"}", "RESPONSE", null, "late"), 10903, null);
        JsonNode sent = control("GET", "/sim/sent", null).body();
        assertEquals(1, sent.size());
        assertEquals("private_reply", sent.get(0).get("kind").asText());
        assertEquals(c.get("comment_id").asText(), sent.get(0).get("in_reply_to").asText());
    }

    @Test
    void directMessagesHaveThe24HourWindowHumanAgentForSevenDaysEchoesAndMarkSeen() throws Exception {
        String ig = sim.instagramAccountId();
        JsonNode commented = igComment("{\"from\":\"olga.k\",\"text\":\"hello\"}");
        JsonNode m = igMessage("Olga.K", "Where is my parcel?");
        assertEquals(commented.get("from_id").asText(), m.get("igsid").asText(), "one person, one IGSID");
        sim.deliverDue();
        JsonNode event = lastDelivery().at("/entry/0/messaging/0");
        assertEquals("instagram", lastDelivery().get("object").asText());
        assertEquals(m.get("igsid").asText(), event.at("/sender/id").asText());
        assertEquals(ig, event.at("/recipient/id").asText());
        assertEquals(m.get("mid").asText(), event.at("/message/mid").asText());
        assertEquals("Where is my parcel?", event.at("/message/text").asText());
        assertTrue(event.get("timestamp").asLong() > 100_000_000_000L, "milliseconds");

        String to = "{\"id\":\"" + m.get("igsid").asText() + "\"}";
        Answer ok = dm(to, "RESPONSE", null, "On its way");
        assertEquals(200, ok.status(), ok.raw().body());
        sim.deliverDue();
        JsonNode echo = lastDelivery().at("/entry/0/messaging/0");
        assertTrue(echo.at("/message/is_echo").asBoolean());
        assertEquals(ig, echo.at("/sender/id").asText());
        assertEquals(ok.body().get("message_id").asText(), echo.at("/message/mid").asText());

        advance(24 * 3600 + 1);
        assertGraphError(dm(to, "RESPONSE", null, "late"), 10, 2018278);
        assertEquals(200, dm(to, "MESSAGE_TAG", "HUMAN_AGENT", "An agent here").status());
        advance(6 * 24 * 3600);
        assertGraphError(dm(to, "MESSAGE_TAG", "HUMAN_AGENT", "too late"), 10, 2018278);

        Answer seen = graph("POST", "/" + ig + "/messages", "{\"recipient\":" + to + ",\"sender_action\":\"mark_seen\"}");
        assertEquals(m.get("igsid").asText(), seen.body().get("recipient_id").asText());
        JsonNode action = control("GET", "/sim/instagram/actions", null).body().get(0);
        assertEquals("MARK_SEEN", action.get("sender_action").asText());
        assertEquals(m.get("mid").asText(), action.get("last_inbound_mid").asText());

        JsonNode sent = control("GET", "/sim/sent", null).body();
        assertEquals(List.of("message", "message"), List.of(sent.get(0).get("kind").asText(), sent.get(1).get("kind").asText()));
        assertEquals("HUMAN_AGENT", sent.get(1).get("tag").asText());

        for (String on : List.of(ig, page)) {
            JsonNode threads = graph("GET", "/" + on + "/conversations?platform=instagram&fields=id,updated_time,participants",
                    null).body();
            assertEquals(1, threads.get("data").size(), on);
            assertEquals(m.get("igsid").asText(), threads.at("/data/0/participants/data/0/id").asText());
            String thread = threads.at("/data/0/id").asText();
            JsonNode messages = graph("GET", "/" + thread + "/messages?fields=id,created_time,from,to,message", null).body();
            assertEquals(3, messages.get("data").size());
            assertEquals("An agent here", messages.at("/data/0/message").asText(), "newest first");
            assertEquals(ig, messages.at("/data/0/from/id").asText());
            assertEquals("Where is my parcel?", messages.at("/data/2/message").asText());
        }
        assertEquals(0, graph("GET", "/" + page + "/conversations", null).body().get("data").size(),
                "Messenger's threads are the Page's own");
    }

    @Test
    void aPublicReplyIsRecordedAndAHiddenCommentStaysHidden() throws Exception {
        JsonNode c = igComment("{\"from\":\"olga.k\",\"text\":\"rude words\"}");
        String id = c.get("comment_id").asText();
        Answer reply = graph("POST", "/" + id + "/replies?message=" + URLEncoder.encode("We are on it", StandardCharsets.UTF_8),
                null);
        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode sent = control("GET", "/sim/sent", null).body().get(0);
        assertEquals("comment_reply", sent.get("kind").asText());
        assertEquals(c.get("from_id").asText(), sent.get("to").asText());
        assertEquals(id, sent.get("in_reply_to").asText());
        JsonNode replies = graph("GET", "/" + id + "/replies", null).body();
        assertEquals(reply.body().get("id").asText(), replies.at("/data/0/id").asText());
        assertEquals("acme", replies.at("/data/0/username").asText());

        assertEquals(true, graph("POST", "/" + id + "?hide=true", null).body().get("success").asBoolean());
        assertTrue(graph("GET", "/" + id + "?fields=hidden", null).body().get("hidden").asBoolean());
        assertGraphError(graph("POST", "/" + id + "?hide=maybe", null), 100, null);
        assertGraphError(graph("POST", "/" + reply.body().get("id").asText() + "?hide=true", null), 100, null);
    }

    @Test
    void theUserProfileApiNamesWhoWroteAndNoOneElse() throws Exception {
        String fields = "?fields=name,username,profile_pic,follower_count,is_verified_user";
        JsonNode commenter = igComment("{\"from\":\"mara.v\",\"text\":\"nice\"}");
        assertGraphError(graph("GET", "/" + commenter.get("from_id").asText() + fields, null), 100, 33);
        assertGraphError(graph("GET", "/17841499999999999" + fields, null), 100, 33);

        String olga = igMessage("olga.k", "Where is my parcel?").get("igsid").asText();
        Answer read = graph("GET", "/" + olga + fields, null);
        assertEquals(200, read.status(), read.raw().body());
        assertEquals(olga, read.body().get("id").asText());
        assertEquals("olga.k", read.body().get("username").asText());
        assertEquals("Olga.k", read.body().get("name").asText(), "the username capitalised when no name was given");
        assertTrue(read.body().get("follower_count").canConvertToLong());
        assertFalse(read.body().get("is_verified_user").asBoolean(true));
        assertEquals(read.body().get("follower_count"), graph("GET", "/" + olga + fields, null).body().get("follower_count"),
                "the same person has the same followers");

        Answer named = control("POST", "/sim/instagram/messages", "{\"from\":\"piet\",\"text\":\"hi\",\"name\":\"Piet de Vries\"}");
        assertEquals(201, named.status(), named.raw().body());
        JsonNode piet = graph("GET", "/" + named.body().get("igsid").asText() + "?fields=name,username", null).body();
        assertEquals("Piet de Vries", piet.get("name").asText());
        assertEquals("piet", piet.get("username").asText());
        assertFalse(piet.has("follower_count"), "only the fields asked for, as live");
    }
}
