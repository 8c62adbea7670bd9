package org.socialcarebridge.component.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * The facebook component against the Meta simulator over real HTTP: {@code facebook:post} through the
 * network client sends exactly what each {@link OutboundPost} says (what {@code /sim/sent} records), and
 * an earlier attempt is found again by {@link FacebookNetworkClient#findPosted}.
 */
class FacebookComponentTest {
    // Random per run: the simulator has no default secrets, and none is written into the tests.
    static final String PAGE_TOKEN = "page-token-" + java.util.UUID.randomUUID();
    static final String AGENT_TAG = FacebookChannel.HUMAN_AGENT_TAG;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();
    final DefaultCamelContext camel = new DefaultCamelContext();
    MetaSimulator sim;
    FacebookComponent component;
    FacebookNetworkClient facebook;

    @BeforeEach
    void start() throws Exception {
        String nowhere;
        try (ServerSocket s = new ServerSocket(0)) {
            nowhere = "http://127.0.0.1:" + s.getLocalPort() + "/socialcare/webhooks/meta";
        }
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0).withCallbackUrl(nowhere)
                .withSecrets(PAGE_TOKEN, java.util.UUID.randomUUID().toString().replace("-", ""),
                        "verify-token-" + java.util.UUID.randomUUID()).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()));
        FacebookConfiguration configuration = FacebookConfiguration.from(FacebookSettings.from(java.util.Map.of(
                "graphUrl", sim.baseUrl(), "pageId", sim.pageId(), "pageToken", PAGE_TOKEN)));
        component = new FacebookComponent(configuration, new GraphApi(new HttpCall(camel), configuration, json));
        camel.addComponent(FacebookComponent.SCHEME, component);
        camel.start();
        facebook = new FacebookNetworkClient(component);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sim.close();
    }

    static OutboundPost publicReply(String commentId, String text) {
        return new OutboundPost(FacebookChannel.FACEBOOK, ReplyVisibility.PUBLIC, text, commentId, null);
    }

    static OutboundPost message(String psid, String text, String tag) {
        return new OutboundPost(FacebookChannel.FACEBOOK, ReplyVisibility.PRIVATE, text, null, psid, null, false, tag);
    }

    static OutboundPost privateReply(String commentId, String psid, String text) {
        return new OutboundPost(FacebookChannel.FACEBOOK, ReplyVisibility.PRIVATE, text, commentId, psid);
    }

    @Test
    void aPublicReplyIsACommentUnderTheCustomersComment() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        Instant before = sim.now();
        PostedMessage posted = facebook.post(publicReply(olga.get("comment_id").asText(), "Sorry Olga, we are on it"), "key-1");

        JsonNode sent = onlySent();
        assertEquals("facebook", sent.get("channel").asText());
        assertEquals("comment_reply", sent.get("kind").asText());
        assertEquals(olga.get("comment_id").asText(), sent.get("in_reply_to").asText());
        assertEquals("https://www.facebook.com/" + posted.id(), posted.url());
        assertEquals(List.of(posted), facebook.findPosted(publicReply(olga.get("comment_id").asText(),
                "Sorry  Olga, we are on it "), before), "found again by its text");
        assertEquals(List.of(), facebook.findPosted(publicReply(olga.get("comment_id").asText(), "Another text"), before));
    }

    @Test
    void aReplyToAReplyIsFoundInTheTopLevelThread() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        JsonNode bob = control("POST", "/sim/facebook/comments", "{\"from\":\"Bob\",\"text\":\"Mine too\","
                + "\"parent_comment_id\":\"" + olga.get("comment_id").asText() + "\"}");
        Instant before = sim.now();
        PostedMessage posted = facebook.post(publicReply(bob.get("comment_id").asText(), "Bob, please write to us"), null);

        assertEquals(List.of(posted), facebook.findPosted(publicReply(bob.get("comment_id").asText(),
                "Bob, please write to us"), before));
    }

    @Test
    void aPrivateReplyToACommentGoesToTheCommentOnce() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Charged twice\"}");
        String comment = olga.get("comment_id").asText();
        Instant before = sim.now();
        OutboundPost reply = privateReply(comment, olga.get("from_id").asText(), "Olga, your order number please?");
        assertTrue(reply.answersCommentPrivately());
        assertEquals(List.of(), facebook.findPosted(reply, before), "nothing sent yet");
        PostedMessage posted = facebook.post(reply, null);

        JsonNode sent = onlySent();
        assertEquals("private_reply", sent.get("kind").asText());
        assertEquals(comment, sent.get("in_reply_to").asText());
        assertEquals(olga.get("from_id").asText(), sent.get("to").asText());
        assertEquals(0, control("GET", "/sim/messenger/actions", null).size(), "no thread to mark read yet");
        assertEquals(List.of(posted), facebook.findPosted(reply, before));

        PostRejectedException again = assertThrows(PostRejectedException.class, () -> facebook.post(reply, null));
        assertTrue(again.getMessage().contains("10900"), again.getMessage());
    }

    @Test
    void aMessengerReplyMarksTheThreadReadAndCarriesItsTag() throws Exception {
        JsonNode olga = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Where is my parcel?\"}");
        String psid = olga.get("psid").asText();
        Instant before = sim.now();
        PostedMessage first = facebook.post(message(psid, "It left today", null), null);
        control("POST", "/sim/clock", "{\"advance_seconds\":" + Duration.ofHours(25).toSeconds() + "}");
        Instant later = sim.now();
        PostedMessage second = facebook.post(message(psid, "It arrives tomorrow", AGENT_TAG), null);

        JsonNode sent = control("GET", "/sim/sent", null);
        assertEquals(2, sent.size(), sent.toString());
        assertEquals("messenger", sent.get(0).get("channel").asText());
        assertEquals("message", sent.get(0).get("kind").asText());
        assertTrue(sent.get(0).get("tag").isNull(), "inside the window: no tag");
        assertEquals(AGENT_TAG, sent.get(1).get("tag").asText());
        JsonNode actions = control("GET", "/sim/messenger/actions", null);
        assertEquals(2, actions.size());
        actions.forEach(a -> assertEquals("MARK_SEEN", a.get("sender_action").asText()));
        assertTrue(first.url().contains(sim.pageId()), first.url());

        assertEquals(List.of(first), facebook.findPosted(message(psid, "It left today", null), before));
        assertEquals(List.of(), facebook.findPosted(message(psid, "It left today", null), later), "older than the attempt");
        assertEquals(List.of(second), facebook.findPosted(message(psid, "It arrives tomorrow", AGENT_TAG), later));
    }

    @Test
    void aClosedWindowIsRefusedWithWhatIsAllowedInstead() throws Exception {
        String psid = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Hi\"}").get("psid").asText();
        control("POST", "/sim/clock", "{\"advance_seconds\":" + Duration.ofDays(8).toSeconds() + "}");

        PostRejectedException e = assertThrows(PostRejectedException.class,
                () -> facebook.post(message(psid, "Sorry for the wait", AGENT_TAG), null));
        assertTrue(e.getMessage().contains("#10") && e.getMessage().contains("publicly"), e.getMessage());
        assertEquals(0, control("GET", "/sim/sent", null).size());
    }

    @Test
    void aFailedReadReceiptDoesNotHoldTheAnswerBack() throws Exception {
        String psid = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Hi\"}").get("psid").asText();
        // The first call to the Page's messages edge is the read receipt: it fails, the message goes.
        control("POST", "/sim/faults", "{\"method\":\"POST\",\"path\":\"/v23.0/" + sim.pageId() + "/messages\",\"status\":500}");
        facebook.post(message(psid, "Hello Olga", null), null);

        assertEquals("Hello Olga", onlySent().get("text").asText());
        assertEquals(0, control("GET", "/sim/messenger/actions", null).size());
    }

    @Test
    void aCommentIsHiddenAndShownAgain() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Spam spam\"}");
        String comment = olga.get("comment_id").asText();
        facebook.hide(comment, true);
        assertTrue(component.api().comment(comment).get("is_hidden").asBoolean());
        facebook.hide(comment, false);
        assertFalse(component.api().comment(comment).get("is_hidden").asBoolean());
        assertThrows(PostRejectedException.class, () -> facebook.hide("1_999", true), "no such comment");
    }

    @Test
    void facebookHasOnlyItsPostEndpoint() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("facebook:comments"));
        assertTrue(e.getMessage().contains("facebook:post"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> camel.getEndpoint("facebook:post").createConsumer(x -> { }));
    }

    JsonNode onlySent() throws Exception {
        JsonNode sent = control("GET", "/sim/sent", null);
        assertEquals(1, sent.size(), sent.toString());
        return sent.get(0);
    }

    JsonNode control(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }
}
