package org.socialcarebridge.component.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.component.feed.HandPoll;

/**
 * The X feeds never skip: a backlog larger than one poll's page budget drains over several polls, a
 * walk cut by a 429 or an error goes on where it stopped, and a lost position only re-reads.
 * Pages of 10, so one poll's budget (10 pages) is 100 mentions.
 */
class XFeedPagingTest {
    @RegisterExtension
    final XFixture x = new XFixture();
    HandPoll poller;

    @BeforeEach
    void start() throws Exception {
        poller = x.handPoll();
    }

    List<String> mentions(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(x.tweet("c" + (i % 30), "@acme help " + i));
        }
        return ids;
    }

    void fault(String path, int status) throws Exception {
        x.call("POST", "/sim/faults", null, "{\"path\":\"" + path + "\",\"method\":\"GET\",\"status\":" + status
                + ",\"count\":1,\"resetSeconds\":0}");
    }

    long recorded(List<String> ids) {
        return ids.stream().filter(id -> x.entry(id) != null).count();
    }

    List<String> mentionQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        x.call("GET", "/sim/requests", null, null).forEach(r -> {
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
        assertEquals(before.get(0), x.db().cursor("x:mentions"));
        List<String> backlog = mentions(250);

        assertEquals(100, poller.poll(), "one poll's budget: the 100 newest");
        assertEquals(before.get(0), x.db().cursor("x:mentions"), "the walk has not reached the cursor yet");
        assertEquals(backlog.get(249) + " " + backlog.get(150), x.db().cursor(XMentionsFeed.WALK));
        assertEquals(100, poller.poll());
        assertEquals(50, poller.poll(), "the rest, down to the cursor");
        assertEquals(backlog.get(249), x.db().cursor("x:mentions"));
        assertNull(x.db().cursor(XMentionsFeed.WALK));
        assertEquals(250, recorded(backlog), "none skipped");
        assertEquals(0, poller.poll());

        List<String> later = mentions(3);
        assertEquals(3, poller.poll());
        assertEquals(later.get(2), x.db().cursor("x:mentions"));
        List<String> queries = mentionQueries();
        assertTrue(queries.stream().allMatch(q -> q.contains("tweet.fields=") && !q.contains("post.fields")), queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.contains("until_id=" + backlog.get(150))), "the walk went on with until_id");
    }

    @Test
    void aWalkCutByA429OrAnErrorGoesOnWhereItStopped() throws Exception {
        poller.poll(); // learns the brand
        String mentionsPath = "/2/users/" + x.sim().brandId() + "/mentions";
        List<String> backlog = mentions(130);
        assertEquals(100, poller.poll());
        String walk = x.db().cursor(XMentionsFeed.WALK);
        assertEquals(backlog.get(129) + " " + backlog.get(30), walk);

        fault(mentionsPath, 429);
        assertEquals(0, poller.poll());
        assertNotNull(x.health().channel("x").toMap().get("rateLimitedUntil"));
        assertEquals(walk, x.db().cursor(XMentionsFeed.WALK), "a 429 loses nothing and moves nothing");
        assertNull(x.db().cursor("x:mentions"));

        fault(mentionsPath, 503);
        assertEquals(0, poller.poll());
        assertEquals("failing", x.health().channel("x").toMap().get("state"));
        assertEquals(walk, x.db().cursor(XMentionsFeed.WALK));

        assertEquals(30, poller.poll(), "the walk goes on from the oldest it stored");
        assertEquals(130, recorded(backlog));
        assertEquals(backlog.get(129), x.db().cursor("x:mentions"));
        assertNull(x.db().cursor(XMentionsFeed.WALK));
    }

    @Test
    void aPositionLostInACrashOnlyReReadsWhatTheLedgerAlreadyHas() throws Exception {
        List<String> backlog = mentions(120);
        assertEquals(100, poller.poll());
        // A crash after storing and before saving the walk: the position is as it was before the poll.
        x.db().moveCursor(XMentionsFeed.WALK, null, java.time.Instant.now());
        assertEquals(20, poller.poll() + poller.poll(), "re-read pages add nothing; the 20 left are recorded once");
        assertEquals(120, recorded(backlog));
        assertEquals(backlog.get(119), x.db().cursor("x:mentions"));
    }

    @Test
    void directMessagesDrainABacklogOverSeveralPolls() throws Exception {
        poller.poll();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            ids.add(x.call("POST", "/2/dm_conversations/with/" + x.sim().brandId() + "/messages", "sim-user:d" + (i % 40),
                    "{\"text\":\"order " + i + "\"}").path("data").path("dm_event_id").asText());
        }
        assertEquals(1000, poller.poll(), "ten pages of 100 events");
        assertNull(x.db().cursor("x:dm_events"));
        assertNotNull(x.db().cursor(XDirectMessagesFeed.WALK));
        assertEquals(50, poller.poll());
        assertEquals(ids.get(1049), x.db().cursor("x:dm_events"));
        assertNull(x.db().cursor(XDirectMessagesFeed.WALK));
        assertEquals(1050, ids.stream().filter(id -> x.db().read(em -> em.find(LedgerEntry.class, "x:" + id)) != null).count());
    }
}
