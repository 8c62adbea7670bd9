package org.socialcarebridge.component.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialcarebridge.component.feed.HandPoll;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;

/**
 * {@code mastodon:mentions} against the Mastodon simulator, which can serve a notification no mapper can
 * read: the intake route's dead-letter path keeps it, and the mention after it is still recorded.
 */
class MastodonConsumerTest {
    @RegisterExtension
    final MastodonFixture mastodon = new MastodonFixture();
    HandPoll poller;

    @BeforeEach
    void start() {
        poller = mastodon.poller();
    }

    List<LedgerEntry> ledger() {
        return mastodon.db().read(em -> em.createQuery("select e from LedgerEntry e", LedgerEntry.class).getResultList());
    }

    @Test
    void anUnreadableNotificationIsDeadLetteredAndTheNextMentionIsStillRecorded() throws Exception {
        assertEquals(0, poller.poll(), "a first start with nothing to read");
        // A mention whose status has no account: no mapper can say who wrote it.
        String raw = "{\"type\": \"mention\", \"created_at\": \"" + Instant.now() + "\", \"status\": {\"id\": \"777\","
                + " \"created_at\": \"" + Instant.now() + "\", \"visibility\": \"public\", \"content\": \"<p>@acme help</p>\"}}";
        assertEquals(200, mastodon.send("/sim/notifications", null, raw).statusCode());
        String fine = mastodon.json().readTree(mastodon.send("/api/v1/statuses", "sim-user:carol", "{\"status\":\"@acme my parcel\","
                + "\"visibility\":\"public\"}").body()).path("id").asText();

        assertEquals(1, poller.poll(), "the readable mention is new to the ledger");
        LedgerEntry dead = mastodon.db().read(em -> em.find(LedgerEntry.class, "mastodon:777"));
        assertEquals(LedgerState.DEAD_LETTER, dead.state(), ledger().toString());
        assertTrue(dead.text().contains("@acme help"), "kept as it arrived: " + dead.text());
        assertTrue(dead.lastError() != null && !dead.lastError().isBlank(), "says why");
        assertEquals(LedgerState.RECEIVED, mastodon.db().read(em -> em.find(LedgerEntry.class, "mastodon:" + fine)).state());
        assertEquals("running", mastodon.health().channel("mastodon").toMap().get("state"), "one unreadable item never stops the channel");
        assertEquals(0, poller.poll(), "the cursor moved past both");
    }
}
