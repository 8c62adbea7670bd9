package org.socialcarebridge.component.instagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * {@code instagram:post} through the network client against a Graph double: each {@link OutboundPost} becomes
 * exactly the Graph call the contract names, with the tag it carries (the window and the tag are the
 * domain's choice); Meta's refusals come back with Instagram's advice; earlier attempts are found again.
 */
class InstagramComponentTest {
    static final String ACCOUNT = FakeGraph.ACCOUNT;
    static final String PAGE = FakeGraph.PAGE;

    final ObjectMapper json = new ObjectMapper();
    final DefaultCamelContext camel = new DefaultCamelContext();
    FakeGraph graph;
    InstagramNetworkClient instagram;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph();
        InstagramConfiguration c = InstagramConfiguration.from(InstagramSettings.from(Map.of("enabled", "true",
                "graphUrl", graph.url(), "accountId", ACCOUNT, "pageId", PAGE, "pageToken", graph.token)));
        InstagramComponent component = new InstagramComponent(c, new InstagramApi(new HttpCall(camel), c, json));
        camel.addComponent(InstagramComponent.SCHEME, component);
        camel.start();
        instagram = new InstagramNetworkClient(component);
        graph.answer("POST", "/" + ACCOUNT + "/messages", "{\"recipient_id\":\"6100001\",\"message_id\":\"aWdfZAGm\"}");
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        graph.close();
    }

    static OutboundPost publicReply(String inReplyTo, String text) {
        return new OutboundPost(InstagramChannel.INSTAGRAM, ReplyVisibility.PUBLIC, text, inReplyTo, null);
    }

    static OutboundPost message(String igsid, String text, String tag) {
        return new OutboundPost(InstagramChannel.INSTAGRAM, ReplyVisibility.PRIVATE, text, null, igsid, null, false, tag);
    }

    JsonNode body(FakeGraph.Request r) throws Exception {
        return json.readTree(r.body());
    }

    @Test
    void aPublicReplyToACommentOnTheBrandsMediaGoesToItsReplies() throws Exception {
        graph.answer("POST", "/1790001/replies", "{\"id\":\"1790100\"}");
        PostedMessage posted = instagram.post(publicReply("1790001", "@olga.k Sorry, we are on it"), "key-1");

        assertEquals("1790100", posted.id());
        assertEquals("https://business.facebook.com/latest/inbox/all?asset_id=" + PAGE, posted.url());
        FakeGraph.Request sent = graph.to("POST", "/1790001/replies").get(0);
        assertEquals("@olga.k Sorry, we are on it", body(sent).get("message").asText());
        assertEquals("Bearer " + graph.token, sent.authorization());
    }

    @Test
    void aPublicReplyToAMentionGoesThroughTheAccountsMentions() throws Exception {
        graph.answer("POST", "/" + ACCOUNT + "/mentions", "{\"id\":\"1790101\"}");
        PostedMessage posted = instagram.post(publicReply("mention:1800099:1790009", "@bob_b Thanks!"), "key-2");

        assertEquals("1790101", posted.id());
        JsonNode sent = body(graph.to("POST", "/" + ACCOUNT + "/mentions").get(0));
        assertEquals("1790009", sent.get("comment_id").asText());
        assertEquals("1800099", sent.get("media_id").asText());
        assertEquals("@bob_b Thanks!", sent.get("message").asText());
    }

    @Test
    void aDirectMessageIsMarkedSeenFirstAndCarriesTheTagItIsGiven() throws Exception {
        instagram.post(message("6100001", "We sent it today", null), "key-3");
        instagram.post(message("6100001", "Any news?", "HUMAN_AGENT"), "key-4");

        List<FakeGraph.Request> sent = graph.to("POST", "/" + ACCOUNT + "/messages");
        assertEquals(4, sent.size(), "mark_seen, message, mark_seen, message");
        assertEquals("mark_seen", body(sent.get(0)).get("sender_action").asText());
        JsonNode inWindow = body(sent.get(1));
        assertEquals("6100001", inWindow.at("/recipient/id").asText());
        assertEquals("We sent it today", inWindow.at("/message/text").asText());
        assertEquals("RESPONSE", inWindow.get("messaging_type").asText());
        assertFalse(inWindow.has("tag"));
        JsonNode late = body(sent.get(3));
        assertEquals("MESSAGE_TAG", late.get("messaging_type").asText());
        assertEquals("HUMAN_AGENT", late.get("tag").asText());
    }

    @Test
    void aPrivateReplyToACommentGoesToTheCommentAndAMentionsToItsComment() throws Exception {
        instagram.post(new OutboundPost(InstagramChannel.INSTAGRAM, ReplyVisibility.PRIVATE, "Please DM your order",
                "1790001", "6100001"), "key-5");
        instagram.post(new OutboundPost(InstagramChannel.INSTAGRAM, ReplyVisibility.PRIVATE, "Please DM your order",
                "mention:1800099:1790009", "6100002"), "key-6");

        List<FakeGraph.Request> sent = graph.to("POST", "/" + ACCOUNT + "/messages");
        assertEquals(2, sent.size(), "no mark_seen: there is no conversation yet");
        assertEquals("1790001", body(sent.get(0)).at("/recipient/comment_id").asText());
        assertEquals("1790009", body(sent.get(1)).at("/recipient/comment_id").asText());
    }

    @Test
    void hidingAndShowingACommentOnlyOnTheBrandsMedia() throws Exception {
        graph.answer("POST", "/1790001", "{\"success\":true}");
        instagram.hide("1790001", true);
        instagram.hide("1790001", false);
        List<FakeGraph.Request> sent = graph.to("POST", "/1790001");
        assertTrue(body(sent.get(0)).get("hide").asBoolean());
        assertFalse(body(sent.get(1)).get("hide").asBoolean());

        PostRejectedException e = assertThrows(PostRejectedException.class,
                () -> instagram.hide("mention:1800099:1790009", true));
        assertTrue(e.getMessage().contains("own media"), e.getMessage());
        assertEquals(2, graph.requests.size(), "nothing was asked of Meta for the mention");
    }

    @Test
    void metasRefusalsComeBackWithInstagramsAdvice() {
        graph.answer("POST", "/" + ACCOUNT + "/messages", 400, "{\"error\":{\"message\":\"(#10) This message is sent"
                + " outside of allowed window.\",\"type\":\"OAuthException\",\"code\":10,\"error_subcode\":2018278,"
                + "\"fbtrace_id\":\"A1\"}}");
        PostRejectedException closed = assertThrows(PostRejectedException.class,
                () -> instagram.post(message("6100001", "Late", null), "key-7"));
        assertTrue(closed.getMessage().startsWith("Instagram POST /" + ACCOUNT + "/messages answered 400 (#10/2018278)"),
                closed.getMessage());
        assertTrue(closed.getMessage().contains("Instagram Direct's window is closed"), closed.getMessage());

        graph.answer("POST", "/1790001/replies", 400, "{\"error\":{\"message\":\"Error validating access token\","
                + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"A2\"}}");
        PostRejectedException token = assertThrows(PostRejectedException.class,
                () -> instagram.post(publicReply("1790001", "Hi"), "key-8"));
        assertTrue(token.getMessage().contains("etc/org.socialcarebridge.network.instagram.cfg"), token.getMessage());
        assertFalse(token.getMessage().contains(graph.token), "the token is never in a message");

        graph.answer("POST", "/1790002/replies", 400, "{\"error\":{\"message\":\"(#4) Application request limit reached\","
                + "\"code\":4}}");
        assertInstanceOf(RateLimitedException.class, assertThrows(RuntimeException.class,
                () -> instagram.post(publicReply("1790002", "Hi"), "key-9")));
    }

    @Test
    void anEarlierPublicReplyIsFoundInTheCommentsThread() {
        Instant before = Instant.parse("2026-12-07T09:00:00Z");
        graph.answer("GET", "/1790001", "{\"id\":\"1790001\",\"media\":{\"id\":\"1800001\"}}");
        graph.answer("GET", "/1790001/replies", "{\"data\":["
                + "{\"id\":\"1790099\",\"text\":\"@olga.k Sorry, we are on it\",\"timestamp\":\"2026-12-07T09:00:01+0000\","
                + "\"from\":{\"id\":\"6100002\",\"username\":\"someone.else\"},\"parent_id\":\"1790001\"},"
                + "{\"id\":\"1790100\",\"text\":\"@olga.k  Sorry, we are on it \",\"timestamp\":\"2026-12-07T09:00:01+0000\","
                + "\"from\":{\"id\":\"" + ACCOUNT + "\",\"username\":\"acme\"},\"parent_id\":\"1790001\"},"
                + "{\"id\":\"1790101\",\"text\":\"@olga.k Sorry, we are on it\",\"timestamp\":\"2026-12-07T08:00:00+0000\","
                + "\"from\":{\"id\":\"" + ACCOUNT + "\",\"username\":\"acme\"},\"parent_id\":\"1790001\"}],"
                + "\"paging\":{\"cursors\":{\"after\":\"x\"}}}");

        List<PostedMessage> found = instagram.findPosted(publicReply("1790001", "@olga.k Sorry, we are on it"), before);
        assertEquals(List.of("1790100"), found.stream().map(PostedMessage::id).toList(),
                "the account's reply with the same words since the attempt, not the older one");
        assertEquals(List.of(), instagram.findPosted(publicReply("1790001", "Another text"), before));
    }

    @Test
    void anEarlierDirectMessageIsFoundInTheConversationWithTheRecipient() {
        Instant before = Instant.parse("2026-12-07T09:00:00Z");
        graph.answer("GET", "/" + ACCOUNT + "/conversations", "{\"data\":[{\"id\":\"t_1\",\"participants\":{\"data\":["
                + "{\"id\":\"" + ACCOUNT + "\"},{\"id\":\"6100001\"}]}}]}");
        graph.answer("GET", "/t_1/messages", "{\"data\":["
                + "{\"id\":\"aWdfZAGm\",\"created_time\":\"2026-12-07T09:00:02+0000\",\"from\":{\"id\":\"" + ACCOUNT
                + "\"},\"message\":\"We sent it today\"},"
                + "{\"id\":\"aWdfZAG1\",\"created_time\":\"2026-12-07T08:50:00+0000\",\"from\":{\"id\":\"6100001\"},"
                + "\"message\":\"Where is it?\"}]}");

        assertEquals(List.of("aWdfZAGm"), instagram.findPosted(message("6100001", "We sent it today", null), before)
                .stream().map(PostedMessage::id).toList());
        assertEquals(List.of(), instagram.findPosted(message("6100009", "We sent it today", null), before),
                "no conversation with that person");
        assertTrue(graph.to("GET", "/" + ACCOUNT + "/conversations").get(0).query().contains("platform=instagram"));
    }
}
