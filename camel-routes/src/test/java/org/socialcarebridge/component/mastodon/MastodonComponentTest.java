package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.reply.Participants;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.reply.ReplyRefusedException;
import org.socialcarebridge.component.feed.HandPoll;

/**
 * The mastodon component against the Mastodon simulator over real HTTP, through Camel's HTTP component:
 * its consumer (polled by hand) into the intake route, its producer through the network client.
 */
class MastodonComponentTest {
    @RegisterExtension
    final MastodonFixture mastodon = new MastodonFixture(Map.of("limit", "2"));
    HandPoll poller;

    @BeforeEach
    void start() {
        poller = mastodon.poller();
    }

    @Test
    void mentionsAndDirectPostsAcrossPagesAreRecordedOnceWithTheirVisibilityAndText() throws Exception {
        String first = mastodon.post("carol", "@acme my <b>parcel</b> & my patience are lost", "public", null);
        String dm = mastodon.post("carol", "@acme order 1234", "direct", null);
        String third = mastodon.post("dan", "@acme hello", "public", null);
        assertEquals(3, poller.poll(), "three mentions over two pages of two");
        assertEquals(0, poller.poll(), "the cursor moved: nothing twice");
        assertEquals(Visibility.PRIVATE, mastodon.entry(dm).message().visibility());
        assertEquals(Visibility.PUBLIC, mastodon.entry(first).message().visibility());
        assertEquals("@acme my <b>parcel</b> & my patience are lost", mastodon.entry(first).message().text());
        assertEquals("carol", mastodon.entry(first).message().author().handle());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(third).state());
    }

    @Test
    void aMentionInAnUnseenThreadBringsItsAncestorsAndBoostsAreNotMentions() throws Exception {
        String root = mastodon.post("olga", "my router died", "public", null);
        String middle = mastodon.post("pete", "@olga same", "public", root);
        String mention = mastodon.post("quinn", "@acme look", "public", middle);
        mastodon.customers().send(HttpRequest.newBuilder(
                        URI.create(mastodon.sim().baseUrl() + "/api/v1/statuses/" + mention + "/reblog"))
                .header("Authorization", "Bearer sim-user:rita").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(3, poller.poll());
        assertEquals(middle, mastodon.entry(mention).message().inReplyToId());
        assertEquals(root, mastodon.entry(middle).message().inReplyToId());
        assertNull(mastodon.entry(root).message().inReplyToId());
    }

    @Test
    void repliesCarryVisibilityMentionAndIdempotencyKeyAndErrorsMapToTheDomain() throws Exception {
        String id = mastodon.post("carol", "@acme help", "public", null);
        MastodonNetworkClient client = new MastodonNetworkClient(mastodon.component());
        PostedMessage reply = client.post(new OutboundPost(Network.MASTODON, ReplyVisibility.PUBLIC, "@carol on it", id, null), "k-1");
        PostedMessage again = client.post(new OutboundPost(Network.MASTODON, ReplyVisibility.PUBLIC, "@carol on it", id, null), "k-1");
        assertEquals(reply.id(), again.id(), "the same idempotency key is the same status");
        PostedMessage dm = client.post(new OutboundPost(Network.MASTODON, ReplyVisibility.PRIVATE, "@carol your order?", null, "x"), "k-2");
        JsonNode statuses = mastodon.json().readTree(mastodon.customers().send(HttpRequest.newBuilder(URI.create(mastodon.sim().baseUrl() + "/sim/statuses")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode posted = null;
        JsonNode direct = null;
        for (JsonNode s : statuses) {
            posted = reply.id().equals(s.path("id").asText()) ? s : posted;
            direct = dm.id().equals(s.path("id").asText()) ? s : direct;
        }
        assertEquals(id, posted.path("in_reply_to_id").asText());
        assertEquals("public", posted.path("visibility").asText());
        assertEquals(1, posted.path("idempotent_repeats").asInt());
        assertEquals("direct", direct.path("visibility").asText());
        assertEquals("[\"carol\"]", direct.path("mentions").toString());

        mastodon.customers().send(HttpRequest.newBuilder(URI.create(mastodon.sim().baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(
                "{\"path\":\"/api/v1/statuses\",\"method\":\"POST\",\"status\":429,\"resetSeconds\":40}")).build(),
                HttpResponse.BodyHandlers.ofString());
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> client.post(
                new OutboundPost(Network.MASTODON, ReplyVisibility.PUBLIC, "@carol x", id, null), "k-3"));
        assertTrue(limited.resetAt().isAfter(Instant.now().plusSeconds(30)), "ISO-8601 reset read: " + limited.resetAt());
        PostRejectedException tooLong = assertThrows(PostRejectedException.class, () -> client.post(
                new OutboundPost(Network.MASTODON, ReplyVisibility.PUBLIC, "y".repeat(501), id, null), "k-4"));
        assertTrue(tooLong.getMessage().contains("character limit of 500"), tooLong.getMessage());
    }

    JsonNode simStatuses() throws Exception {
        return mastodon.json().readTree(mastodon.customers().send(HttpRequest.newBuilder(URI.create(mastodon.sim().baseUrl() + "/sim/statuses")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The mention notifications an account has received (what a direct status mentioning it would show it). */
    JsonNode notificationsOf(String acct) throws Exception {
        return mastodon.json().readTree(mastodon.customers().send(HttpRequest.newBuilder(
                        URI.create(mastodon.sim().baseUrl() + "/api/v1/notifications"))
                .header("Authorization", "Bearer sim-user:" + acct).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void aDirectStatusThatWouldReachAnyoneButItsRecipientNeverLeavesThePlugin() throws Exception {
        int before = simStatuses().size();
        MastodonNetworkClient client = new MastodonNetworkClient(mastodon.component());
        for (String text : List.of("@carol ask @dan", "@carol cc @dan@depot.example", "@carol (@Dan)")) {
            PostRejectedException refused = assertThrows(PostRejectedException.class, () -> client.post(new OutboundPost(
                    Network.MASTODON, ReplyVisibility.PRIVATE, text, null, "1", "carol", false), "k-" + text.hashCode()));
            assertTrue(refused.getMessage().contains("would also reach @") && refused.getMessage().contains("besides @carol"),
                    refused.getMessage());
        }
        assertThrows(PostRejectedException.class, () -> client.post(new OutboundPost(Network.MASTODON, ReplyVisibility.PRIVATE,
                "@carol hi @erin", null, "1"), "k-9"), "without the recipient's handle, the first mention is the recipient");
        assertEquals(before, simStatuses().size(), "nothing reached Mastodon");
        assertEquals(0, notificationsOf("dan").size());
    }

    @Test
    void aStrangersDirectMessageInTheCustomersThreadDoesNotMakeThemTheRecipientAndTheStatusReachesOnlyTheCustomer()
            throws Exception {
        String root = mastodon.post("carol", "@acme my parcel is lost", "public", null);
        String stranger = mastodon.post("dan", "@acme @carol mine too", "public", root);
        String dm = mastodon.post("dan", "@acme what did carol order?", "direct", null);
        poller.poll();
        Conversation c = new Conversation("mastodon:" + root, 1, mastodon.entry(root).message().author(), Instant.now());
        List<Participants.Written> wrote = new java.util.ArrayList<>();
        for (String id : List.of(root, stranger, dm)) {
            InboundMessage m = mastodon.entry(id).message();
            c.heardFrom(m, Instant.now());
            wrote.add(new Participants.Written(m.author().accountId(), m.author().handle(), m.createdAt(), m.messageId(),
                    m.visibility()));
        }
        ReplyPolicy policy = new ReplyPolicy(SampleChannels.BOTH);
        List<OutboundPost> posts = policy.compose(new AgentReply(1, 100, "agent", "Your parcel 42 is at the depot", null), c,
                List.of(), Participants.of(c, wrote));
        assertEquals(1, posts.size());
        PostedMessage sent = new MastodonNetworkClient(mastodon.component()).post(posts.get(0), "k-100");

        JsonNode direct = null;
        for (JsonNode s : simStatuses()) {
            direct = sent.id().equals(s.path("id").asText()) ? s : direct;
        }
        assertEquals("direct", direct.path("visibility").asText(), "the DM was answered privately");
        assertEquals("[\"carol\"]", direct.path("mentions").toString(), "to the customer only");
        for (JsonNode n : notificationsOf("dan")) {
            assertTrue(!sent.id().equals(n.path("status").path("id").asText()), "dan never sees it: " + n);
        }
        assertThrows(ReplyRefusedException.class, () -> policy.compose(new AgentReply(1, 101, "agent",
                "@dan please wait", ReplyVisibility.PRIVATE), c, List.of(), Participants.of(c, wrote)));
    }

    @Test
    void aFirstStartReadsBackOverTheRecentMentionsOnlyThenGoesForward() throws Exception {
        List<String> history = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            history.add(mastodon.post("h" + (i % 5), "@acme old " + i, "public", null));
        }
        assertEquals(20, poller.poll(), "a poll's ten pages of two, newest first: not the account's whole history");
        for (int i = 0; i < 25; i++) {
            assertEquals(i >= 5, mastodon.entry(history.get(i)) != null, "the 20 most recent: " + i);
        }
        String next = mastodon.post("h9", "@acme new", "public", null);
        assertEquals(1, poller.poll(), "then forward from the newest");
        assertNotNull(mastodon.entry(next));
    }

    @Test
    void aBacklogDrainsOldestFirstOverSeveralPollsAndTheCursorMovesPageByPage() throws Exception {
        mastodon.post("m0", "@acme hello", "public", null);
        assertEquals(1, poller.poll(), "the channel has listened before: it has a cursor");
        List<String> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            backlog.add(mastodon.post("m" + (i % 7), "@acme help " + i, "public", null));
        }
        assertEquals(20, poller.poll(), "ten pages of two: the 20 oldest");
        for (int i = 0; i < 45; i++) {
            assertEquals(i < 20, mastodon.entry(backlog.get(i)) != null, "oldest first, none skipped: " + i);
        }
        String cursor = mastodon.db().cursor("mastodon:notifications");
        assertEquals(20, poller.poll());
        assertTrue(Long.parseLong(mastodon.db().cursor("mastodon:notifications")) > Long.parseLong(cursor));
        assertEquals(5, poller.poll());
        assertEquals(0, poller.poll());
        assertTrue(backlog.stream().allMatch(id -> mastodon.entry(id) != null));
    }
}
