package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.persistence.ColumnText;
import org.socialcarebridge.persistence.Database;

/**
 * What the outbox records after a success, or of a failure, always fits: a long thread's ids once
 * overflowed POST_ID (100), and a long error made the reconciler retry one transaction for ever.
 */
class LongColumnsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSixtyPartThreadKeepsEveryPostsIdAndLink() {
        List<String> ids = new ArrayList<>();
        try (Database db = TestDatabase.file(dir)) {
            db.writing(em -> em.persist(new OutboxEntry(new AgentReply(1, 77, "agent", "a long answer", ReplyVisibility.PUBLIC), NOW)));
            for (int part = 0; part < 60; part++) {
                String id = String.valueOf(1_900_000_000_000_000_000L + part);
                ids.add(id);
                db.writing(em -> em.find(OutboxEntry.class, 77L).stepPosted(id, "https://x.com/acme/status/" + id, NOW));
            }
            db.writing(em -> em.find(OutboxEntry.class, 77L).posted(NOW));
        }
        try (Database db = TestDatabase.file(dir)) {
            OutboxEntry e = db.read(em -> em.find(OutboxEntry.class, 77L));
            assertEquals(String.join(" ", ids), e.postId());
            assertEquals(60, e.postUrl().split(" ").length);
            assertEquals(60, e.postsDone());
            assertEquals(DeliveryState.POSTED, e.state());
        }
    }

    @Test
    void aTenThousandCharacterErrorIsStoredCut() {
        String error = "X answered 503: " + "overloaded ".repeat(910);
        assertTrue(error.length() > 10_000);
        try (Database db = TestDatabase.file(dir)) {
            db.writing(em -> em.persist(new OutboxEntry(new AgentReply(1, 78, "agent", "hello", ReplyVisibility.PUBLIC), NOW)));
            db.writing(em -> em.find(OutboxEntry.class, 78L).retryAt(NOW.plusSeconds(60), error, NOW));
            String stored = db.read(em -> em.find(OutboxEntry.class, 78L)).lastError();
            assertEquals(ColumnText.ERROR_LENGTH, stored.length());
            assertTrue(stored.startsWith("X answered 503: overloaded") && stored.endsWith("…"), stored);

            db.writing(em -> em.find(OutboxEntry.class, 78L).end(DeliveryState.FAILED, error, NOW));
            assertEquals(ColumnText.ERROR_LENGTH, db.read(em -> em.find(OutboxEntry.class, 78L)).lastError().length());
        }
    }
}
