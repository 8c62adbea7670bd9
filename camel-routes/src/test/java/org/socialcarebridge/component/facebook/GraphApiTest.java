package org.socialcarebridge.component.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.meta.MetaSimulator;

/**
 * {@link GraphApi} against the Meta simulator on a free port: each call in the shape the simulator (and
 * Graph) serves, and each of Meta's refusals as the domain's exception, with what to do instead.
 */
class GraphApiTest {
    // Random per run: the simulator has no default secrets, and none is written into the tests.
    static final String PAGE_TOKEN = "page-token-" + java.util.UUID.randomUUID();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();
    final DefaultCamelContext camel = new DefaultCamelContext();
    MetaSimulator sim;
    GraphApi graph;

    @BeforeEach
    void start() throws Exception {
        sim = MetaSimulator.start(MetaSimulator.Config.defaults().withPort(0).withCallbackUrl(closedUrl())
                .withSecrets(PAGE_TOKEN, java.util.UUID.randomUUID().toString().replace("-", ""),
                        "verify-token-" + java.util.UUID.randomUUID()).withWhatsAppToken("whatsapp-token-" + java.util.UUID.randomUUID()));
        camel.start();
        graph = new GraphApi(new HttpCall(camel), configuration(sim.baseUrl(), PAGE_TOKEN), json);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sim.close();
    }

    FacebookConfiguration configuration(String url, String token) {
        FacebookConfiguration c = new FacebookConfiguration();
        c.setBaseUrl(url);
        c.setPageId(sim.pageId());
        c.setPageToken(token);
        return c;
    }

    /** A port nothing listens on: the simulator's webhooks fail there, and a call to it is unreachable. */
    static String closedUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/socialcare/webhooks/meta";
        }
    }

    @Test
    void meIsThePage() {
        assertEquals(sim.pageId(), graph.page().get("id").asText());
        assertEquals("acme", graph.page().get("name").asText());
    }

    @Test
    void aPublicReplyIsACommentUnderTheComment() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        String id = graph.replyToComment(olga.get("comment_id").asText(), "Sorry, Olga: we are on it");

        JsonNode sent = control("GET", "/sim/sent", null).get(0);
        assertEquals("comment_reply", sent.get("kind").asText());
        assertEquals(olga.get("comment_id").asText(), sent.get("in_reply_to").asText());
        assertEquals("Sorry, Olga: we are on it", sent.get("text").asText());
        JsonNode comments = graph.comments(olga.get("post_id").asText(), null).get("data");
        assertEquals(List.of(olga.get("comment_id").asText(), id), ids(comments));
        assertEquals(sim.pageId(), comments.get(1).at("/from/id").asText());
        assertEquals(olga.get("comment_id").asText(), comments.get(1).at("/parent/id").asText());
    }

    @Test
    void aCommentHasOnePrivateReply() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My card was charged twice\"}");
        String comment = olga.get("comment_id").asText();
        JsonNode answer = graph.privateReply(comment, "Olga, please send us the order number here");

        assertEquals(olga.get("from_id").asText(), answer.get("recipient_id").asText());
        assertFalse(answer.get("message_id").asText().isEmpty());
        JsonNode sent = control("GET", "/sim/sent", null).get(0);
        assertEquals("private_reply", sent.get("kind").asText());
        assertEquals(comment, sent.get("in_reply_to").asText());

        PostRejectedException again = assertThrows(PostRejectedException.class, () -> graph.privateReply(comment, "And again"));
        assertTrue(again.getMessage().contains("#10900") && again.getMessage().contains("Activity already replied to"),
                again.getMessage());
        assertTrue(again.getMessage().contains("reply publicly under the comment"), again.getMessage());
    }

    @Test
    void aCommentOlderThanSevenDaysHasNoPrivateReply() throws Exception {
        String comment = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Hello\"}")
                .get("comment_id").asText();
        control("POST", "/sim/clock", "{\"advance_seconds\":" + Duration.ofDays(8).toSeconds() + "}");

        PostRejectedException e = assertThrows(PostRejectedException.class, () -> graph.privateReply(comment, "Late"));
        assertTrue(e.getMessage().contains("#10903") && e.getMessage().contains("within 7 days"), e.getMessage());
        assertEquals(0, control("GET", "/sim/sent", null).size());
    }

    @Test
    void messengerRepliesInsideTheWindowAndWithHumanAgentAfterIt() throws Exception {
        String psid = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Where is my parcel?\"}")
                .get("psid").asText();
        JsonNode answer = graph.sendMessage(psid, "It left our warehouse today", null);
        assertEquals(psid, answer.get("recipient_id").asText());

        control("POST", "/sim/clock", "{\"advance_seconds\":" + Duration.ofHours(25).toSeconds() + "}");
        PostRejectedException closed = assertThrows(PostRejectedException.class, () -> graph.sendMessage(psid, "Any news?", null));
        assertTrue(closed.getMessage().contains("#10/2018278") && closed.getMessage().contains("HUMAN_AGENT"),
                closed.getMessage());
        graph.sendMessage(psid, "Your parcel arrives tomorrow", "HUMAN_AGENT");

        JsonNode sent = control("GET", "/sim/sent", null);
        assertEquals(2, sent.size(), sent.toString());
        assertEquals("message", sent.get(0).get("kind").asText());
        assertTrue(sent.get(0).get("tag").isNull());
        assertEquals("message", sent.get(1).get("kind").asText());
        assertEquals("HUMAN_AGENT", sent.get(1).get("tag").asText());
        assertEquals(psid, sent.get(1).get("to").asText());
    }

    @Test
    void markSeenMarksTheThreadRead() throws Exception {
        JsonNode olga = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Hello?\"}");
        graph.markSeen(olga.get("psid").asText());

        JsonNode action = control("GET", "/sim/messenger/actions", null).get(0);
        assertEquals("MARK_SEEN", action.get("sender_action").asText());
        assertEquals(olga.get("mid").asText(), action.get("last_inbound_mid").asText());
        assertEquals(0, control("GET", "/sim/sent", null).size(), "a read receipt is not a message");
    }

    @Test
    void aCommentIsHiddenAndShownAgain() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Rude words\"}");
        String post = olga.get("post_id").asText();
        graph.hideComment(olga.get("comment_id").asText(), true);
        assertTrue(graph.comments(post, null).at("/data/0/is_hidden").asBoolean());
        graph.hideComment(olga.get("comment_id").asText(), false);
        assertFalse(graph.comments(post, null).at("/data/0/is_hidden").asBoolean());
    }

    @Test
    void theAppsSubscriptionIsListed() {
        JsonNode apps = graph.subscribedApps().get("data");
        assertEquals(1, apps.size());
        Set<String> fields = new HashSet<>();
        apps.get(0).get("subscribed_fields").forEach(f -> fields.add(f.asText()));
        assertEquals(Set.of("feed", "messages"), fields);
    }

    @Test
    void feedConversationsAndMessagesSinceAnInstant() throws Exception {
        Instant before = sim.now().minusSeconds(1);
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"My order is late\"}");
        JsonNode bob = control("POST", "/sim/messenger/messages", "{\"from\":\"Bob\",\"text\":\"Where is my parcel?\"}");
        graph.sendMessage(bob.get("psid").asText(), "On its way", null);

        JsonNode feed = graph.feed(before, null);
        assertEquals(List.of(olga.get("post_id").asText()), ids(feed.get("data")));
        assertEquals(0, graph.feed(sim.now().plusSeconds(60), null).get("data").size(), "nothing is newer than now");

        JsonNode conversations = graph.conversations(before, null).get("data");
        assertEquals(1, conversations.size());
        JsonNode messages = graph.messages(conversations.get(0).get("id").asText(), null).get("data");
        assertEquals(2, messages.size());
        assertEquals(sim.pageId(), messages.get(0).at("/from/id").asText(), "newest first: the Page's answer");
        assertEquals(bob.get("psid").asText(), messages.get(1).at("/from/id").asText());
        assertEquals(bob.get("mid").asText(), messages.get(1).get("id").asText());
    }

    @Test
    void commentsComeAPageAtATime() throws Exception {
        String post = null;
        List<String> written = new ArrayList<>();
        for (int i = 0; i < GraphApi.PAGE_SIZE + 3; i++) {
            JsonNode c = control("POST", "/sim/facebook/comments", "{\"from\":\"Person " + i + "\",\"text\":\"comment " + i
                    + "\"" + (post == null ? "" : ",\"post_id\":\"" + post + "\"") + "}");
            post = c.get("post_id").asText();
            written.add(c.get("comment_id").asText());
        }
        JsonNode first = graph.comments(post, null);
        assertEquals(GraphApi.PAGE_SIZE, first.get("data").size());
        assertTrue(first.at("/paging/next").isTextual(), "more to come");
        JsonNode second = graph.comments(post, first.at("/paging/cursors/after").asText());
        assertTrue(second.at("/paging/next").isMissingNode(), "the last page");
        List<String> read = new ArrayList<>(ids(first.get("data")));
        read.addAll(ids(second.get("data")));
        assertEquals(written, read, "oldest first, each once");
    }

    @Test
    void aRefusedTokenNamesTheSettingToFix() {
        GraphApi wrong = new GraphApi(new HttpCall(camel), configuration(sim.baseUrl(), "not-the-page-token"), json);
        PostRejectedException e = assertThrows(PostRejectedException.class, wrong::page);
        assertTrue(e.getMessage().contains("#190") && e.getMessage().contains("pageToken")
                && e.getMessage().contains("org.socialcarebridge.network.facebook.cfg"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-page-token"), "the token is never shown");
    }

    @Test
    void aRateLimitWaitsUntilMetaSaysAccessComesBack() throws Exception {
        JsonNode olga = control("POST", "/sim/facebook/comments", "{\"from\":\"Olga\",\"text\":\"Hello\"}");
        String comment = olga.get("comment_id").asText();
        control("POST", "/sim/faults", "{\"method\":\"POST\",\"path\":\"/v23.0/" + comment + "/comments\",\"status\":429,"
                + "\"resetSeconds\":600}");
        Instant asked = Instant.now();

        RateLimitedException e = assertThrows(RateLimitedException.class, () -> graph.replyToComment(comment, "Hi"));
        assertTrue(e.getMessage().contains("#80001"), e.getMessage());
        assertFalse(e.resetAt().isBefore(asked.plus(Duration.ofMinutes(10))), "estimated_time_to_regain_access is minutes: "
                + e.resetAt());
        assertEquals(0, control("GET", "/sim/sent", null).size());
    }

    @Test
    void aServerErrorOrNoAnswerIsTriedAgainLater() throws Exception {
        String psid = control("POST", "/sim/messenger/messages", "{\"from\":\"Olga\",\"text\":\"Hi\"}").get("psid").asText();
        control("POST", "/sim/faults", "{\"method\":\"POST\",\"path\":\"/v23.0/" + sim.pageId() + "/messages\",\"status\":503}");
        NetworkUnavailableException down = assertThrows(NetworkUnavailableException.class, () -> graph.sendMessage(psid, "Hi", null));
        assertFalse(down instanceof RateLimitedException);

        GraphApi nowhere = new GraphApi(new HttpCall(camel), configuration(closedUrl().replace("/socialcare/webhooks/meta", ""),
                PAGE_TOKEN), json);
        assertThrows(NetworkUnavailableException.class, () -> nowhere.sendMessage(psid, "Hi", null));
    }

    @Test
    void metaIsReadByItsErrorCodeNotByTheStatus() {
        String usage = "{\"" + sim.pageId() + "\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":7}]}";
        Instant asked = Instant.now();
        for (int code : new int[] {4, 17, 32, 613, 80006}) {
            RuntimeException e = graph.refusal("Facebook GET /x", new HttpAnswer(400,
                    Map.of("x-business-use-case-usage", List.of(usage)), error(code, "(#" + code + ") Too many calls", false)));
            RateLimitedException limited = assertInstanceOf(RateLimitedException.class, e, "code " + code);
            assertFalse(limited.resetAt().isBefore(asked.plus(Duration.ofMinutes(7))), "code " + code);
        }
        RuntimeException noHeader = graph.refusal("Facebook GET /x", new HttpAnswer(400, Map.of(), error(4, "(#4) limit", false)));
        assertFalse(assertInstanceOf(RateLimitedException.class, noHeader).resetAt().isBefore(asked.plus(GraphApi.DEFAULT_WAIT)));

        assertInstanceOf(NetworkUnavailableException.class, graph.refusal("Facebook GET /x",
                new HttpAnswer(400, Map.of(), error(2, "Service temporarily unavailable", false))));
        RuntimeException transientOne = graph.refusal("Facebook GET /x", new HttpAnswer(400, Map.of(), error(1234, "x", true)));
        assertInstanceOf(NetworkUnavailableException.class, transientOne);
        assertFalse(transientOne instanceof PostRejectedException);
        RuntimeException notJson = graph.refusal("Facebook GET /x", new HttpAnswer(502, Map.of(), "<html>Bad gateway</html>"));
        assertInstanceOf(NetworkUnavailableException.class, notJson);

        RuntimeException parameter = graph.refusal("Facebook POST /1/messages",
                new HttpAnswer(400, Map.of(), error(100, "(#100) Length of param message[text] must be less than 2000", false)));
        assertInstanceOf(PostRejectedException.class, parameter);
        assertTrue(parameter.getMessage().contains("message[text]") && parameter.getMessage().contains("correct the reply"),
                parameter.getMessage());
    }

    static String error(int code, String message, boolean isTransient) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (isTransient ? ",\"is_transient\":true" : "") + ",\"fbtrace_id\":\"Atest\"}}";
    }

    static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }

    JsonNode control(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }
}
