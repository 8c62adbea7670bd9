package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The x component against the X simulator over real HTTP, through Camel's HTTP component: its feeds'
 * consumers (polled by hand) into the intake route, its producer through the network client.
 */
class XComponentTest {
    static final String TOKEN = XFixture.TOKEN;
    @RegisterExtension
    final XFixture x = new XFixture();
    HandPoll poller;
    XNetworkClient client;

    @BeforeEach
    void start() throws Exception {
        poller = x.handPoll();
        client = new XNetworkClient(x.component());
    }

    PostedMessage publicReply(XNetworkClient through, String inReplyTo, String text) {
        return through.post(reply(inReplyTo, text), null);
    }

    PostedMessage directMessage(XNetworkClient through, String recipientId, String text) {
        return through.post(new OutboundPost(Network.X, ReplyVisibility.PRIVATE, text, null, recipientId), null);
    }

    @Test
    void pollRecordsMentionsWithTheirAuthorsAndMovesTheCursor() throws Exception {
        x.call("PUT", "/sim/users/maria", null, "{\"name\":\"Maria L\",\"followers_count\":1240,\"verified\":true}");
        String id = x.tweet("maria", "@acme my internet is down");
        x.tweet("bob", "no mention of the brand here");
        assertEquals(1, poller.poll());
        LedgerEntry e = x.entry(id);
        assertNotNull(e);
        var m = e.message();
        assertEquals("maria", m.author().handle());
        assertEquals(1240, m.author().followers());
        assertTrue(m.author().verified());
        assertEquals("https://x.com/maria/status/" + id, m.url());
        assertEquals(id, x.db().cursor("x:mentions"));
        assertEquals(0, poller.poll(), "a re-poll finds nothing new");
        assertEquals("running", x.health().channel("x").toMap().get("state"));
        assertTrue(String.valueOf(x.health().channel("x").toMap().get("cursor")).contains("x:mentions=" + id));
    }

    @Test
    void pollFollowsPaginationAcrossPages() throws Exception {
        for (int i = 0; i < 25; i++) {
            x.tweet("user" + i, "@acme hello " + i);
        }
        assertEquals(25, poller.poll());
        long mentionCalls = x.requests().stream().filter(r -> r.path("path").asText().endsWith("/mentions")).count();
        assertEquals(3, mentionCalls, "25 mentions at 10 a page is 3 pages");
    }

    @Test
    void directMessagesAreRecordedPrivateWithTheirOwnCursorAndTheBrandsAreIgnored() throws Exception {
        poller.poll();
        String brand = brandId();
        x.call("PUT", "/sim/users/zoe", null, "{\"name\":\"Zoe Q\",\"followers_count\":7,\"verified\":false}");
        String zoe = x.call("GET", "/2/users/me", "sim-user:zoe", null).path("data").path("id").asText();
        String in = x.call("POST", "/2/dm_conversations/with/" + brand + "/messages", "sim-user:zoe", "{\"text\":\"my account is 42\"}")
                .path("data").path("dm_event_id").asText();
        String out = x.call("POST", "/2/dm_conversations/with/" + zoe + "/messages", TOKEN, "{\"text\":\"thanks Zoe\"}")
                .path("data").path("dm_event_id").asText();
        assertEquals(2, poller.poll(), "both events are new to the ledger");
        var m = x.entry(in).message();
        assertEquals(org.socialcarebridge.conversation.Visibility.PRIVATE, m.visibility());
        assertEquals("zoe", m.author().handle());
        assertEquals("Zoe Q", m.author().displayName());
        assertEquals(LedgerState.IGNORED, x.entry(out).state());
        assertEquals(out, x.db().cursor("x:dm_events"));
        assertEquals(0, poller.poll(), "a re-poll stops at the cursor");
        String later = x.call("POST", "/2/dm_conversations/with/" + brand + "/messages", "sim-user:zoe", "{\"text\":\"any news?\"}")
                .path("data").path("dm_event_id").asText();
        assertEquals(1, poller.poll());
        assertNotNull(x.entry(later));
    }

    String reply(String handle, String text, String to) throws Exception {
        return x.call("POST", "/2/tweets", "sim-user:" + handle, "{\"text\":" + x.json().writeValueAsString(text)
                + ",\"reply\":{\"in_reply_to_tweet_id\":\"" + to + "\"}}").path("data").path("id").asText();
    }

    @Test
    void aMentionAnsweringUnseenPostsBringsItsAncestorsAlong() throws Exception {
        String root = x.tweet("alice", "my phone died after the update");
        String middle = reply("carl", "@alice same for me", root);
        String mention = reply("bob", "@acme @alice @carl this is happening to everyone", middle);
        poller.poll();
        assertEquals("alice", x.entry(root).message().author().handle(), "the root is fetched and recorded");
        assertEquals(middle, x.entry(mention).message().inReplyToId());
        assertNotNull(x.entry(middle));
        long fetched = x.requests().stream().filter(r -> r.path("path").asText().startsWith("/2/tweets/")).count();
        assertEquals(2, fetched, "each missing ancestor read once");
        assertEquals(0, poller.poll());
    }

    @Test
    void aDeletedParentStopsTheWalkWithoutFailingThePoll() throws Exception {
        String root = x.tweet("dina", "original post");
        String mention = reply("ed", "@acme look at this", root);
        x.call("DELETE", "/2/tweets/" + root, "sim-user:dina", null);
        assertEquals(1, poller.poll());
        assertNotNull(x.entry(mention));
        assertEquals(null, x.entry(root));
        assertEquals("running", x.health().channel("x").toMap().get("state"));
    }

    @Test
    void brandsOwnPostsAreRecordedAsIgnored() throws Exception {
        String own = x.call("POST", "/2/tweets", TOKEN, "{\"text\":\"@acme we're hiring\"}").path("data").path("id").asText();
        poller.poll();
        assertEquals(LedgerState.IGNORED, x.entry(own).state());
    }

    @Test
    void rateLimitedPollWaitsForTheResetAndShowsIt() throws Exception {
        poller.poll(); // learns the brand id
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId() + "/mentions\",\"method\":\"GET\",\"status\":429,\"count\":1,\"resetSeconds\":60}");
        x.tweet("carl", "@acme hi");
        assertEquals(0, poller.poll());
        assertNotNull(x.health().channel("x").toMap().get("rateLimitedUntil"));
        long before = x.requests().size();
        assertEquals(0, poller.poll(), "no call before the reset");
        assertEquals(before, x.requests().size());
    }

    @Test
    void publicReplyAndDirectMessageReachTheNetwork() throws Exception {
        String id = x.tweet("dora", "@acme help");
        PostedMessage reply = publicReply(client, id, "@dora on it");
        JsonNode posted = x.call("GET", "/2/tweets/" + reply.id() + "?tweet.fields=referenced_tweets,author_id", TOKEN, null);
        assertEquals("@dora on it", posted.path("data").path("text").asText());
        assertEquals(id, posted.path("data").path("referenced_tweets").get(0).path("id").asText());
        String doraId = x.call("GET", "/2/users/me", "sim-user:dora", null).path("data").path("id").asText();
        PostedMessage dm = directMessage(client, doraId, "send us your order number");
        assertNotNull(dm.id());
        JsonNode events = x.call("GET", "/2/dm_events", "sim-user:dora", null);
        assertTrue(events.toString().contains("send us your order number"), events.toString());
    }

    @Test
    void postingErrorsBecomeTheDomainsRetryableOrFinalFailures() throws Exception {
        String id = x.tweet("eve", "@acme hi");
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":429,\"count\":1,\"resetSeconds\":30}");
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> publicReply(client, id, "x"));
        assertTrue(limited.resetAt().isAfter(java.time.Instant.now().plus(Duration.ofSeconds(20))), limited.resetAt().toString());
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":503,\"count\":1}");
        assertThrows(NetworkUnavailableException.class, () -> publicReply(client, id, "x"));
        assertThrows(PostRejectedException.class, () -> publicReply(client, id, "y".repeat(300)));
    }

    OutboundPost reply(String inReplyTo, String text) {
        return new OutboundPost(org.socialcarebridge.channel.Network.X, ReplyVisibility.PUBLIC, text, inReplyTo, null);
    }

    @Test
    void aReplyXTookBeforeAnswering503IsFoundInTheBrandsTimeline() throws Exception {
        String id = x.tweet("gus", "@acme my router");
        String other = x.tweet("hal", "@acme my modem");
        java.time.Instant attempt = java.time.Instant.now().minusSeconds(1);
        publicReply(client, other, "@hal on it"); // the same words elsewhere are another reply
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/tweets\",\"method\":\"POST\",\"status\":503,\"accept\":true}");
        assertThrows(NetworkUnavailableException.class, () -> publicReply(client, id, "@gus on it & <now>"));
        List<PostedMessage> found = client.findPosted(reply(id, "@gus on it & <now>"), attempt);
        assertEquals(1, found.size(), "X took it although it answered 503");
        JsonNode onX = x.call("GET", "/2/tweets/" + found.get(0).id(), TOKEN, null);
        assertEquals("@gus on it & <now>", onX.path("data").path("text").asText());
        assertTrue(found.get(0).url().endsWith("/acme/status/" + found.get(0).id()));
        assertTrue(client.findPosted(reply(id, "@gus something else"), attempt).isEmpty(), "other words are not this post");
        assertTrue(client.findPosted(reply(other, "@gus on it & <now>"), attempt).isEmpty(), "another thread is not this post");
        assertTrue(x.requests().stream().anyMatch(r -> r.path("query").asText().contains("tweet.fields=")
                && r.path("path").asText().endsWith("/tweets")), "asks with X's wire names: " + x.requests());
    }

    @Test
    void aDirectMessageXTookBeforeAnswering503IsFoundInTheConversation() throws Exception {
        x.tweet("ivy", "@acme hello");
        String ivyId = x.call("GET", "/2/users/me", "sim-user:ivy", null).path("data").path("id").asText();
        java.time.Instant attempt = java.time.Instant.now().minusSeconds(1);
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/dm_conversations/with/" + ivyId
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
        String id = x.tweet("jon", "@acme hi");
        publicReply(client, id, "@jon hi"); // learns nothing yet: the brand id is asked on the first look-up
        x.call("POST", "/sim/faults", null, "{\"path\":\"/2/users/" + brandId() + "/tweets\",\"method\":\"GET\",\"status\":503}");
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
            XComponent down = new XComponent(settings, new XApi(new HttpCall(other), settings, x.json()));
            other.addComponent("x", down);
            assertThrows(NetworkUnavailableException.class, () -> publicReply(new XNetworkClient(down), "1", "x"));
        }
    }

    @Test
    void retweetsAndQuotesAreRecordedWithoutATicketUnlessQuotesAreTicketed() throws Exception {
        String announcement = x.tweet("acme", "Our summer sale starts today");
        String customerId = x.call("GET", "/2/users/me", "sim-user:fay", null).path("data").path("id").asText();
        String rt = x.call("POST", "/2/users/" + customerId + "/retweets", "sim-user:fay",
                "{\"tweet_id\":\"" + announcement + "\"}").path("data").path("rest_id").asText();
        String quote = x.call("POST", "/2/tweets", "sim-user:fay", "{\"text\":\"@acme finally!\",\"quote_tweet_id\":\""
                + announcement + "\"}").path("data").path("id").asText();
        String mention = x.tweet("fay", "@acme but my order from the last sale never came");
        poller.poll();
        assertEquals(LedgerState.IGNORED, x.entry(rt).state());
        assertTrue(x.entry(rt).lastError().startsWith("a retweet"), x.entry(rt).lastError());
        assertEquals(LedgerState.IGNORED, x.entry(quote).state());
        assertTrue(x.entry(quote).lastError().contains("quotes = record"), x.entry(quote).lastError());
        assertEquals(LedgerState.RECEIVED, x.entry(mention).state(), "a plain mention still becomes work");

        XConfiguration ticketQuotes = x.configuration(Map.of("quotes", "ticket"));
        String second = x.call("POST", "/2/tweets", "sim-user:gil", "{\"text\":\"@acme love it\",\"quote_tweet_id\":\""
                + announcement + "\"}").path("data").path("id").asText();
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.start();
            other.addComponent("x", x.listening(other, ticketQuotes));
            x.handPoll(other).poll();
        }
        assertEquals(LedgerState.RECEIVED, x.entry(second).state(), "quotes = ticket files quotes like mentions");
    }

    String brandId() throws Exception {
        return x.call("GET", "/2/users/me", TOKEN, null).path("data").path("id").asText();
    }
}
