package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.conversation.LedgerState;

/**
 * The stream against the Mastodon simulator over real HTTP. The test waits on hand-offs (a catch-up ran,
 * a notification came) that block until the stream acts; the timeout only guards against a hang.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MastodonStreamTest {
    @RegisterExtension
    final MastodonFixture mastodon = new MastodonFixture();
    final BlockingQueue<Integer> catchUps = new LinkedBlockingQueue<>();
    final BlockingQueue<String> streamed = new LinkedBlockingQueue<>();
    final Set<String> streamedIds = ConcurrentHashMap.newKeySet();
    MastodonStream stream;

    @BeforeEach
    void open() throws Exception {
        HandPoll poller = mastodon.poller();
        MastodonNotificationIntake intake = new MastodonNotificationIntake(mastodon.component().api(), mastodon.intake(), false);
        stream = new MastodonStream(mastodon.component().api(), HttpClient.newHttpClient(), mastodon.json(),
                () -> catchUps.add(poller.poll()),
                n -> {
                    intake.accept(n);
                    String id = n.path("status").path("id").asText();
                    streamedIds.add(id);
                    streamed.add(id);
                }, Duration.ofMillis(20), Duration.ofMillis(200));
        stream.start();
        catchUps.take(); // connected: the stream is registered and the first catch-up ran
    }

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void aMentionArrivesByTheStreamAndIsRecorded() throws Exception {
        String id = mastodon.post("carol", "@acme my parcel is late", "public", null);
        assertEquals(id, streamed.take(), "the stream brought the mention");
        assertEquals(LedgerState.RECEIVED, mastodon.entry(id).state());
        assertEquals("connected", stream.state());
        assertEquals(1, stream.connects());
    }

    @Test
    void aDirectMessageArrivesByTheStreamToo() throws Exception {
        String id = mastodon.post("carol", "@acme my address is private", "direct", null);
        assertEquals(id, streamed.take());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(id).state());
    }

    @Test
    void aDroppedStreamReconnectsAndTheCatchUpReadsWhatCameInTheGap() throws Exception {
        // Drop the stream and refuse new ones (503) for a second: the mention posted now reaches no stream.
        assertEquals(200, mastodon.send("/sim/streaming/drop", null, "{\"refuse_seconds\": 1}").statusCode());
        String inGap = mastodon.post("dave", "@acme anyone there?", "public", null);

        assertEquals(1, catchUps.take(), "the reconnect's catch-up recorded the mention of the gap");
        assertEquals(2, stream.connects());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(inGap).state());
        assertFalse(streamedIds.contains(inGap), "it came by the catch-up, not the stream");

        String after = mastodon.post("dave", "@acme hello again", "public", null);
        assertEquals(after, streamed.take(), "the new stream brings what comes next");
        assertEquals(LedgerState.RECEIVED, mastodon.entry(after).state());
    }

    @Test
    void aStreamSilentTooLongIsOpenedAgainAndCatchesUp() throws Exception {
        stream.close();
        catchUps.clear();
        mastodon.sim().streamingHeartbeat(Duration.ofMinutes(10)); // a connection that went quiet
        HandPoll poller = mastodon.poller();
        stream = new MastodonStream(mastodon.component().api(), HttpClient.newHttpClient(), mastodon.json(),
                () -> catchUps.add(poller.poll()), n -> { }, Duration.ofMillis(20), Duration.ofMillis(200));
        stream.silence(Duration.ofMillis(300));
        stream.start();
        catchUps.take();
        catchUps.take(); // the watchdog closed the silent stream; the reader opened it again and caught up
        assertEquals(2, stream.connects());
    }

    @Test
    void anUnreadableStreamedMentionIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        String raw = "{\"type\": \"mention\", \"created_at\": \"2026-12-07T10:00:00Z\", \"status\": {\"id\": \"778\","
                + " \"created_at\": \"2026-12-07T10:00:00Z\", \"visibility\": \"public\", \"content\": \"<p>@acme help</p>\"}}";
        assertEquals(200, mastodon.send("/sim/notifications", null, raw).statusCode());
        assertEquals("778", streamed.take());
        assertEquals(LedgerState.DEAD_LETTER, mastodon.entry("778").state());
        String fine = mastodon.post("carol", "@acme still there?", "public", null);
        assertEquals(fine, streamed.take());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(fine).state());
    }

    @Test
    void aStreamedMentionInAnUnseenThreadBringsItsAncestorsAsThePollDoes() throws Exception {
        String root = mastodon.post("olga", "my router died", "public", null);
        String middle = mastodon.post("pete", "@olga same", "public", root);
        String mention = mastodon.post("quinn", "@acme look", "public", middle);
        assertEquals(mention, streamed.take());
        assertEquals(middle, mastodon.entry(mention).message().inReplyToId());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(middle).state(), "the status it answers is in the ledger");
        assertEquals(root, mastodon.entry(middle).message().inReplyToId());
        assertEquals(LedgerState.RECEIVED, mastodon.entry(root).state(), "and the thread's first");
        assertEquals(0, mastodon.poller().poll(), "the poll finds the whole chain in the ledger already");
    }

    @Test
    void aMentionTheStreamAndThePollBothBringIsRecordedOnce() throws Exception {
        String id = mastodon.post("carol", "@acme twice?", "public", null);
        assertEquals(id, streamed.take());
        assertEquals(0, mastodon.poller().poll(), "the poll finds it in the ledger already");
    }
}
