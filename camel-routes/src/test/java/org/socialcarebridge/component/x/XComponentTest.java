package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
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
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The x component against the X simulator over real HTTP, through Camel's HTTP component: its feeds'
 * consumers (polled by hand) into the intake route, its producer through the network client.
 */
class XComponentTest {
    static final String TOKEN = "brand-secret";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient customerClient = HttpClient.newHttpClient();
    XSimulator sim;
    DefaultCamelContext camel;
    Database db;
    XApi api;
    Intake intake;
    HandPoll poller;
    XNetworkClient client;
    Health health = new Health();

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN);
        camel = new DefaultCamelContext();
        camel.start();
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        XSettings settings = XSettings.from(Map.of("baseUrl", sim.baseUrl(), "bearerToken", TOKEN, "brandHandle", "acme",
                "maxResults", "10"));
        XConfiguration configuration = XConfiguration.from(settings);
        api = new XApi(new HttpCall(camel), configuration, json);
        // receive() records into the ledger only; filing (the host's side) is tested in the domain.
        intake = new Intake(db, null, null, Set.of(), java.time.Duration.ofDays(7), Clock.systemUTC());
        poller = listen(camel, configuration, api);
        client = new XNetworkClient(camel.getComponent("x", XComponent.class));
    }

    /** The x component on a context, with its two feeds polled by hand into the intake. */
    HandPoll listen(DefaultCamelContext on, XConfiguration configuration, XApi with) throws Exception {
        XComponent x = new XComponent(configuration, with);
        x.setListening(new Listening(Network.X, intake, db, health.channel("x"), Clock.systemUTC()));
        on.addComponent("x", x);
        return new HandPoll(on, intake).feed("x:mentions", "x-mentions").feed("x:directMessages", "x-direct-messages");
    }

    PostedMessage publicReply(XNetworkClient through, String inReplyTo, String text) {
        return through.post(reply(inReplyTo, text), null);
    }

    PostedMessage directMessage(XNetworkClient through, String recipientId, String text) {
        return through.post(new OutboundPost(Network.X, ReplyVisibility.PRIVATE, text, null, recipientId), null);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        db.close();
        sim.close();
    }

    JsonNode call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = customerClient.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    String tweet(String handle, String text) throws Exception {
        return call("POST", "/2/tweets", "sim-user:" + handle, json.createObjectNode().put("text", text).toString())
                .path("data").path("id").asText();
    }

    LedgerEntry entry(String id) {
        return db.read(em -> em.find(LedgerEntry.class, "x:" + id));
    }

    @Test
    void pollRecordsMentionsWithTheirAuthorsAndMovesTheCursor() throws Exception {
        call("PUT", "/sim/users/maria", null, "{\"name\":\"Maria L\",\"followers_count\":1240,\"verified\":true}");
        String id = tweet("maria", "@acme my internet is down");
        tweet("bob", "no mention of the brand here");
        assertEquals(1, poller.poll());
        LedgerEntry e = entry(id);
        assertNotNull(e);
        var m = e.message();
        assertEquals("maria", m.author().handle());
        assertEquals(1240, m.author().followers());
        assertTrue(m.author().verified());
        assertEquals("https://x.com/maria/status/" + id, m.url());
        assertEquals(id, db.cursor("x:mentions"));
        assertEquals(0, poller.poll(), "a re-poll finds nothing new");
        assertEquals("running", health.channel("x").toMap().get("state"));
        assertTrue(String.valueOf(health.channel("x").toMap().get("cursor")).contains("x:mentions=" + id));
    }

    @Test
    void pollFollowsPaginationAcrossPages() throws Exception {
        for (int i = 0; i < 25; i++) {
            tweet("user" + i, "@acme hello " + i);
        }
        assertEquals(25, poller.poll());
        long mentionCalls = requests().stream().filter(r -> r.path("path").asText().endsWith("/mentions")).count();
        assertEquals(3, mentionCalls, "25 mentions at 10 a page is 3 pages");
    }

    @Test
    void directMessagesAreRecordedPrivateWithTheirOwnCursorAndTheBrandsAreIgnored() throws Exception {
        poller.poll();
        String brand = brandId();
        call("PUT", "/sim/users/zoe", null, "{\"name\":\"Zoe Q\",\"followers_count\":7,\"verified\":false}");
        String zoe = call("GET", "/2/users/me", "sim-user:zoe", null).path("data").path("id").asText();
        String in = call("POST", "/2/dm_conversations/with/" + brand + "/messages", "sim-user:zoe", "{\"text\":\"my account is 42\"}")
                .path("data").path("dm_event_id").asText();
        String out = call("POST", "/2/dm_conversations/with/" + zoe + "/messages", TOKEN, "{\"text\":\"thanks Zoe\"}")
                .path("data").path("dm_event_id").asText();
        assertEquals(2, poller.poll(), "both events are new to the ledger");
        var m = entry(in).message();
        assertEquals(org.socialcarebridge.conversation.Visibility.PRIVATE, m.visibility());
        assertEquals("zoe", m.author().handle());
        assertEquals("Zoe Q", m.author().displayName());
        assertEquals(LedgerState.IGNORED, entry(out).state());
        assertEquals(out, db.cursor("x:dm_events"));
        assertEquals(0, poller.poll(), "a re-poll stops at the cursor");
        String later = call("POST", "/2/dm_conversations/with/" + brand + "/messages", "sim-user:zoe", "{\"text\":\"any news?\"}")
                .path("data").path("dm_event_id").asText();
        assertEquals(1, poller.poll());
        assertNotNull(entry(later));
    }

    String reply(String handle, String text, String to) throws Exception {
        return call("POST", "/2/tweets", "sim-user:" + handle, "{\"text\":" + json.writeValueAsString(text)
                + ",\"reply\":{\"in_reply_to_tweet_id\":\"" + to + "\"}}").path("data").path("id").asText();
    }

    @Test
    void aMentionAnsweringUnseenPostsBringsItsAncestorsAlong() throws Exception {
        String root = tweet("alice", "my phone died after the update");
        String middle = reply("carl", "@alice same for me", root);
        String mention = reply("bob", "@acme @alice @carl this is happening to everyone", middle);
        poller.poll();
        assertEquals("alice", entry(root).message().author().handle(), "the root is fetched and recorded");
        assertEquals(middle, entry(mention).message().inReplyToId());
        assertNotNull(entry(middle));
        long fetched = requests().stream().filter(r -> r.path("path").asText().startsWith("/2/tweets/")).count();
        assertEquals(2, fetched, "each missing ancestor read once");
        assertEquals(0, poller.poll());
    }

    @Test
    void aDeletedParentStopsTheWalkWithoutFailingThePoll() throws Exception {
        String root = tweet("dina", "original post");
        String mention = reply("ed", "@acme look at this", root);
        call("DELETE", "/2/tweets/" + root, "sim-user:dina", null);
        assertEquals(1, poller.poll());
        assertNotNull(entry(mention));
        assertEquals(null, entry(root));
        assertEquals("running", health.channel("x").toMap().get("state"));
    }

    @Test
    void brandsOwnPostsAreRecordedAsIgnored() throws Exception {
        String own = call("POST", "/2/tweets", TOKEN, "{\"text\":\"@acme we're hiring\"}").path("data").path("id").asText();
        poller.poll();
        assertEquals(LedgerState.IGNORED, entry(own).state());
    }

    @Test
    void rateLimitedPollWaitsForTheResetAndShowsIt() throws Exception {
        poller.poll(); // learns the brand id
        call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId() + "/mentions\",\"method\":\"GET\",\"status\":429,\"count\":1,\"resetSeconds\":60}");
        tweet("carl", "@acme hi");
        assertEquals(0, poller.poll());
        assertNotNull(health.channel("x").toMap().get("rateLimitedUntil"));
        long before = requests().size();
        assertEquals(0, poller.poll(), "no call before the reset");
        assertEquals(before, requests().size());
    }

    @Test
    void publicReplyAndDirectMessageReachTheNetwork() throws Exception {
        String id = tweet("dora", "@acme help");
        PostedMessage reply = publicReply(client, id, "@dora on it");
        JsonNode posted = call("GET", "/2/tweets/" + reply.id() + "?tweet.fields=referenced_tweets,author_id", TOKEN, null);
        assertEquals("@dora on it", posted.path("data").path("text").asText());
        assertEquals(id, posted.path("data").path("referenced_tweets").get(0).path("id").asText());
        String doraId = call("GET", "/2/users/me", "sim-user:dora", null).path("data").path("id").asText();
        PostedMessage dm = directMessage(client, doraId, "send us your order number");
        assertNotNull(dm.id());
        JsonNode events = call("GET", "/2/dm_events", "sim-user:dora", null);
        assertTrue(events.toString().contains("send us your order number"), events.toString());
    }

    @Test
    void postingErrorsBecomeTheDomainsRetryableOrFinalFailures() throws Exception {
        String id = tweet("eve", "@acme hi");
        call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":429,\"count\":1,\"resetSeconds\":30}");
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> publicReply(client, id, "x"));
        assertTrue(limited.resetAt().isAfter(java.time.Instant.now().plus(Duration.ofSeconds(20))), limited.resetAt().toString());
        call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":503,\"count\":1}");
        assertThrows(NetworkUnavailableException.class, () -> publicReply(client, id, "x"));
        assertThrows(PostRejectedException.class, () -> publicReply(client, id, "y".repeat(300)));
    }

    OutboundPost reply(String inReplyTo, String text) {
        return new OutboundPost(org.socialcarebridge.channel.Network.X, ReplyVisibility.PUBLIC, text, inReplyTo, null);
    }

    @Test
    void aReplyXTookBeforeAnswering503IsFoundInTheBrandsTimeline() throws Exception {
        String id = tweet("gus", "@acme my router");
        String other = tweet("hal", "@acme my modem");
        java.time.Instant attempt = java.time.Instant.now().minusSeconds(1);
        publicReply(client, other, "@hal on it"); // the same words elsewhere are another reply
        call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":503,\"accept\":true}");
        assertThrows(NetworkUnavailableException.class, () -> publicReply(client, id, "@gus on it & <now>"));
        List<PostedMessage> found = client.findPosted(reply(id, "@gus on it & <now>"), attempt);
        assertEquals(1, found.size(), "X took it although it answered 503");
        JsonNode onX = call("GET", "/2/tweets/" + found.get(0).id(), TOKEN, null);
        assertEquals("@gus on it & <now>", onX.path("data").path("text").asText());
        assertTrue(found.get(0).url().endsWith("/acme/status/" + found.get(0).id()));
        assertTrue(client.findPosted(reply(id, "@gus something else"), attempt).isEmpty(), "other words are not this post");
        assertTrue(client.findPosted(reply(other, "@gus on it & <now>"), attempt).isEmpty(), "another thread is not this post");
        assertTrue(requests().stream().anyMatch(r -> r.path("query").asText().contains("tweet.fields=")
                && r.path("path").asText().endsWith("/tweets")), "asks with X's wire names: " + requests());
    }

    @Test
    void aDirectMessageXTookBeforeAnswering503IsFoundInTheConversation() throws Exception {
        tweet("ivy", "@acme hello");
        String ivyId = call("GET", "/2/users/me", "sim-user:ivy", null).path("data").path("id").asText();
        java.time.Instant attempt = java.time.Instant.now().minusSeconds(1);
        call("POST", "/sim/faults", null, "{\"path\":\"/2/dm_conversations/with/" + ivyId
                + "/messages\",\"method\":\"POST\",\"status\":503,\"accept\":true}");
        assertThrows(NetworkUnavailableException.class, () -> directMessage(client, ivyId, "your order number?"));
        OutboundPost dm = new OutboundPost(org.socialcarebridge.channel.Network.X, ReplyVisibility.PRIVATE,
                "your order number?", null, ivyId);
        List<PostedMessage> found = client.findPosted(dm, attempt);
        assertEquals(1, found.size());
        assertTrue(client.findPosted(dm, java.time.Instant.now().plusSeconds(60)).isEmpty(), "nothing since a later attempt");
    }

    @Test
    void aLookUpXCannotAnswerIsRetryableNeverAnAnswer() throws Exception {
        String id = tweet("jon", "@acme hi");
        publicReply(client, id, "@jon hi"); // learns nothing yet: the brand id is asked on the first look-up
        call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId() + "/tweets\",\"method\":\"GET\",\"status\":503}");
        assertThrows(NetworkUnavailableException.class, () -> client.findPosted(reply(id, "@jon hi"), java.time.Instant.now()));
    }

    @Test
    void xShowsTextBackEscapedWithItsOwnLinks() {
        assertTrue(XNetworkClient.sameText("@a fish &amp; chips &lt;3 https://t.co/abc", "@a fish & chips <3 https://example.com/x"));
        assertFalse(XNetworkClient.sameText("@a fish", "@a chips"));
    }

    @Test
    void unreachableNetworkIsRetryable() throws Exception {
        XConfiguration settings = XConfiguration.from(XSettings.from(Map.of("baseUrl", "http://127.0.0.1:1", "bearerToken",
                TOKEN, "brandHandle", "acme")));
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.start();
            XComponent down = new XComponent(settings, new XApi(new HttpCall(other), settings, json));
            other.addComponent("x", down);
            assertThrows(NetworkUnavailableException.class, () -> publicReply(new XNetworkClient(down), "1", "x"));
        }
    }

    @Test
    void retweetsAndQuotesAreRecordedWithoutATicketUnlessQuotesAreTicketed() throws Exception {
        String announcement = tweet("acme", "Our summer sale starts today");
        String customerId = call("GET", "/2/users/me", "sim-user:fay", null).path("data").path("id").asText();
        String rt = call("POST", "/2/users/" + customerId + "/retweets", "sim-user:fay",
                "{\"tweet_id\":\"" + announcement + "\"}").path("data").path("rest_id").asText();
        String quote = call("POST", "/2/tweets", "sim-user:fay", "{\"text\":\"@acme finally!\",\"quote_tweet_id\":\""
                + announcement + "\"}").path("data").path("id").asText();
        String mention = tweet("fay", "@acme but my order from the last sale never came");
        poller.poll();
        assertEquals(LedgerState.IGNORED, entry(rt).state());
        assertTrue(entry(rt).lastError().startsWith("a retweet"), entry(rt).lastError());
        assertEquals(LedgerState.IGNORED, entry(quote).state());
        assertTrue(entry(quote).lastError().contains("quotes = record"), entry(quote).lastError());
        assertEquals(LedgerState.RECEIVED, entry(mention).state(), "a plain mention still becomes work");

        XSettings ticketQuotes = XSettings.from(Map.of("baseUrl", sim.baseUrl(), "bearerToken", TOKEN, "brandHandle", "acme",
                "quotes", "ticket"));
        String second = call("POST", "/2/tweets", "sim-user:gil", "{\"text\":\"@acme love it\",\"quote_tweet_id\":\""
                + announcement + "\"}").path("data").path("id").asText();
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.start();
            XConfiguration configuration = XConfiguration.from(ticketQuotes);
            listen(other, configuration, new XApi(new HttpCall(other), configuration, json)).poll();
        }
        assertEquals(LedgerState.RECEIVED, entry(second).state(), "quotes = ticket files quotes like mentions");
    }

    String brandId() throws Exception {
        return call("GET", "/2/users/me", TOKEN, null).path("data").path("id").asText();
    }

    List<JsonNode> requests() throws Exception {
        JsonNode all = call("GET", "/sim/requests", null, null);
        return json.convertValue(all, json.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }
}
