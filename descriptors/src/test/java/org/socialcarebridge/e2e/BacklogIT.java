package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * A backlog while the plugin is down is caught up whole and in order (issue 20, finding 2): after a
 * first mention on each network is filed, Karaf stops, 450 X mentions and 450 Mastodon mentions are
 * posted, and Karaf starts again: more than one poll reads on
 * Mastodon (40 a page, 10 pages a poll). Most are giveaway spam that triage keeps out, so 900 RT
 * tickets are not needed to count them: every one must be listed as filtered, the first and the last
 * real mention of each network must become tickets, in the order they were written. And the X
 * channel asks with the live API's names (finding 8): tweet.fields, never post.fields.
 */
class BacklogIT {
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.karaf("backlog").withMastodon().withAdminToken().startedByTheTest();
    static final String X_TOKEN = fixture.xToken();
    static final String M_TOKEN = fixture.mastodonToken();
    static final String ADMIN = fixture.adminToken();
    static final String RUN = "bl" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final int PER_NETWORK = 450;
    /** The backlog's customers: customer i % AUTHORS wrote message i. */
    static final int AUTHORS = 40;
    static final Duration CATCH_UP = Duration.ofMinutes(3);
    static final HttpClient http = HttpClient.newHttpClient();

    static XSimulator xSimulator;
    static MastodonSimulator mastodonSimulator;
    static Karaf karaf;

    @BeforeAll
    static void start() throws Exception {
        xSimulator = fixture.xSimulator();
        mastodonSimulator = fixture.mastodonSimulator();
        karaf = fixture.karaf(); // a fresh copy, started by the test once the networks are seeded
    }

    static String spam(int n) {
        return "@acme Follow and RT to win a FREE iPhone!!! #giveaway #win #free #contest #iphone " + RUN + " " + n;
    }

    static JsonNode filtered() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:8181/socialcare/triage/filtered?limit=1000"))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Rt.JSON.readTree(r.body()).path("messages");
    }

    @Test
    void everyMentionPostedWhileThePluginWasDownIsCaughtUpInOrder() throws Exception {
        XSim x = new XSim(xSimulator.baseUrl());
        MastodonSim mastodon = new MastodonSim(mastodonSimulator.baseUrl());
        // The plugin has listened before: each channel has a cursor when it goes down.
        karaf.start();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "mastodon");
        String hello = "@acme hello " + RUN + ", is anyone there?";
        String xHello = "x:" + x.tweet("xhello_" + RUN, hello, null);
        String mHello = "mastodon:" + mastodon.postQuickly("mhello_" + RUN, hello, "public", null);
        Rt desk = RtAccounts.ofThisRun().admin.login();
        Await.until("a ticket for " + xHello, CATCH_UP, () -> desk.ticketForConversation(xHello));
        Await.until("a ticket for " + mHello, CATCH_UP, () -> desk.ticketForConversation(mHello));
        karaf.stop();

        List<String> xKeys = new ArrayList<>();
        List<String> mKeys = new ArrayList<>();
        for (int i = 0; i < PER_NETWORK; i++) {
            boolean real = i == 0 || i == PER_NETWORK - 1;
            String text = real ? "@acme my router " + RUN + " has been down since yesterday (" + i + "), please help"
                    : spam(i);
            xKeys.add("x:" + x.tweet("xb" + (i % AUTHORS) + "_" + RUN, text, null));
            mKeys.add("mastodon:" + mastodon.postQuickly("mb" + (i % AUTHORS) + "_" + RUN, text, "public", null));
        }

        karaf.start();
        karaf.awaitRunning(Duration.ofSeconds(60), "x", "mastodon");

        List<String> noise = new ArrayList<>(xKeys.subList(1, PER_NETWORK - 1));
        noise.addAll(mKeys.subList(1, PER_NETWORK - 1));
        Map<String, Instant> filteredAt = Await.until("all " + noise.size() + " spam mentions filtered", CATCH_UP, () -> {
            Map<String, Instant> listed = new HashMap<>();
            try {
                filtered().forEach(m -> listed.put(m.path("key").asText(), Instant.parse(m.path("filteredAt").asText())));
            } catch (Exception e) {
                return Optional.empty();
            }
            return listed.keySet().containsAll(noise) ? Optional.of(listed) : Optional.empty();
        });

        Rt rt = RtAccounts.ofThisRun().admin.login();
        for (List<String> keys : List.of(xKeys, mKeys)) {
            String first = keys.get(0);
            String last = keys.get(PER_NETWORK - 1);
            long firstTicket = Await.until("a ticket for " + first, CATCH_UP, () -> rt.ticketForConversation(first));
            long lastTicket = Await.until("a ticket for " + last, CATCH_UP, () -> rt.ticketForConversation(last));
            assertTrue(firstTicket < lastTicket, "the oldest real mention is filed first: " + first + " #" + firstTicket
                    + ", " + last + " #" + lastTicket);
            assertFalse(filteredAt.containsKey(first) || filteredAt.containsKey(last), "real mentions are not noise");
            // Each customer's messages go oldest first, so what one customer wrote earlier was filtered no later.
            // (Customers are filed concurrently since issue 17: no order holds between two customers.)
            for (int i = 1 + AUTHORS; i < PER_NETWORK - 1; i++) {
                Instant before = filteredAt.get(keys.get(i - AUTHORS));
                Instant after = filteredAt.get(keys.get(i));
                assertFalse(after.isBefore(before), keys.get(i - AUTHORS) + " was written before " + keys.get(i)
                        + " by the same customer but filtered after it (" + before + " > " + after + ")");
            }
        }

        List<JsonNode> mentionCalls = x.requests().stream()
                .filter(r -> r.path("path").asText().endsWith("/mentions")).toList();
        assertFalse(mentionCalls.isEmpty());
        for (JsonNode call : mentionCalls) {
            String query = java.net.URLDecoder.decode(call.path("query").asText(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(query.contains("tweet.fields=") && query.contains("referenced_tweets"), query);
            assertFalse(query.contains("post.fields") || query.contains("referenced_posts"), query);
            assertEquals(200, call.path("status").asInt(), "X refuses no parameter the plugin sends: " + call);
        }
        assertTrue(x.requests().stream().noneMatch(r -> r.path("status").asInt() == 400),
                "no call the live X would refuse as an invalid request");
    }
}
