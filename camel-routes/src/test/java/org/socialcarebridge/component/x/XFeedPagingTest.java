package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The X feeds never skip: a backlog larger than one poll's page budget drains over several polls, a
 * walk cut by a 429 or an error goes on where it stopped, and a lost position only re-reads.
 * Pages of 10, so one poll's budget (10 pages) is 100 mentions.
 */
class XFeedPagingTest {
    static final String TOKEN = "brand-secret";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient customers = HttpClient.newHttpClient();
    final Health health = new Health();
    XSimulator sim;
    DefaultCamelContext camel;
    Database db;
    HandPoll poller;

    @BeforeEach
    void start() throws Exception {
        sim = XSimulator.start(0, "acme", TOKEN);
        camel = new DefaultCamelContext();
        camel.start();
        db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        XSettings settings = XSettings.from(Map.of("baseUrl", sim.baseUrl(), "bearerToken", TOKEN, "brandHandle", "acme",
                "maxResults", "10"));
        Intake intake = new Intake(db, null, null, Set.of(), Duration.ofDays(7), Clock.systemUTC());
        XConfiguration configuration = XConfiguration.from(settings);
        XComponent x = new XComponent(configuration, new XApi(new HttpCall(camel), configuration, json));
        x.setListening(new Listening(Network.X, intake, db, health.channel("x"), Clock.systemUTC()));
        camel.addComponent("x", x);
        poller = new HandPoll(camel, intake).feed("x:mentions", "x-mentions").feed("x:directMessages", "x-direct-messages");
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
        HttpResponse<String> r = customers.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    List<String> mentions(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(call("POST", "/2/tweets", "sim-user:c" + (i % 30), json.createObjectNode().put("text", "@acme help " + i)
                    .toString()).path("data").path("id").asText());
        }
        return ids;
    }

    void fault(String path, int status) throws Exception {
        call("POST", "/sim/faults", null, "{\"path\":\"" + path + "\",\"method\":\"GET\",\"status\":" + status
                + ",\"count\":1,\"resetSeconds\":0}");
    }

    long recorded(List<String> ids) {
        return ids.stream().filter(id -> db.read(em -> em.find(LedgerEntry.class, "x:" + id)) != null).count();
    }

    List<String> mentionQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        call("GET", "/sim/requests", null, null).forEach(r -> {
            if (r.path("path").asText().endsWith("/mentions")) {
                queries.add(r.path("query").asText());
            }
        });
        return queries;
    }

    @Test
    void aBacklogBiggerThanOnePollDrainsOverSeveralPollsAndTheCursorMovesOnlyAtTheEnd() throws Exception {
        List<String> before = mentions(1);
        assertEquals(1, poller.poll());
        assertEquals(before.get(0), db.cursor("x:mentions"));
        List<String> backlog = mentions(250);

        assertEquals(100, poller.poll(), "one poll's budget: the 100 newest");
        assertEquals(before.get(0), db.cursor("x:mentions"), "the walk has not reached the cursor yet");
        assertEquals(backlog.get(249) + " " + backlog.get(150), db.cursor(XMentionsFeed.WALK));
        assertEquals(100, poller.poll());
        assertEquals(50, poller.poll(), "the rest, down to the cursor");
        assertEquals(backlog.get(249), db.cursor("x:mentions"));
        assertNull(db.cursor(XMentionsFeed.WALK));
        assertEquals(250, recorded(backlog), "none skipped");
        assertEquals(0, poller.poll());

        List<String> later = mentions(3);
        assertEquals(3, poller.poll());
        assertEquals(later.get(2), db.cursor("x:mentions"));
        List<String> queries = mentionQueries();
        assertTrue(queries.stream().allMatch(q -> q.contains("tweet.fields=") && !q.contains("post.fields")), queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.contains("until_id=" + backlog.get(150))), "the walk went on with until_id");
    }

    @Test
    void aWalkCutByA429OrAnErrorGoesOnWhereItStopped() throws Exception {
        poller.poll(); // learns the brand
        String mentionsPath = "/2/users/" + sim.brandId() + "/mentions";
        List<String> backlog = mentions(130);
        assertEquals(100, poller.poll());
        String walk = db.cursor(XMentionsFeed.WALK);
        assertEquals(backlog.get(129) + " " + backlog.get(30), walk);

        fault(mentionsPath, 429);
        assertEquals(0, poller.poll());
        assertNotNull(health.channel("x").toMap().get("rateLimitedUntil"));
        assertEquals(walk, db.cursor(XMentionsFeed.WALK), "a 429 loses nothing and moves nothing");
        assertNull(db.cursor("x:mentions"));

        fault(mentionsPath, 503);
        assertEquals(0, poller.poll());
        assertEquals("failing", health.channel("x").toMap().get("state"));
        assertEquals(walk, db.cursor(XMentionsFeed.WALK));

        assertEquals(30, poller.poll(), "the walk goes on from the oldest it stored");
        assertEquals(130, recorded(backlog));
        assertEquals(backlog.get(129), db.cursor("x:mentions"));
        assertNull(db.cursor(XMentionsFeed.WALK));
    }

    @Test
    void aPositionLostInACrashOnlyReReadsWhatTheLedgerAlreadyHas() throws Exception {
        List<String> backlog = mentions(120);
        assertEquals(100, poller.poll());
        // A crash after storing and before saving the walk: the position is as it was before the poll.
        db.moveCursor(XMentionsFeed.WALK, null, java.time.Instant.now());
        assertEquals(20, poller.poll() + poller.poll(), "re-read pages add nothing; the 20 left are recorded once");
        assertEquals(120, recorded(backlog));
        assertEquals(backlog.get(119), db.cursor("x:mentions"));
    }

    @Test
    void directMessagesDrainABacklogOverSeveralPolls() throws Exception {
        poller.poll();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            ids.add(call("POST", "/2/dm_conversations/with/" + sim.brandId() + "/messages", "sim-user:d" + (i % 40),
                    "{\"text\":\"order " + i + "\"}").path("data").path("dm_event_id").asText());
        }
        assertEquals(1000, poller.poll(), "ten pages of 100 events");
        assertNull(db.cursor("x:dm_events"));
        assertNotNull(db.cursor(XDirectMessagesFeed.WALK));
        assertEquals(50, poller.poll());
        assertEquals(ids.get(1049), db.cursor("x:dm_events"));
        assertNull(db.cursor(XDirectMessagesFeed.WALK));
        assertEquals(1050, ids.stream().filter(id -> db.read(em -> em.find(LedgerEntry.class, "x:" + id)) != null).count());
    }
}
