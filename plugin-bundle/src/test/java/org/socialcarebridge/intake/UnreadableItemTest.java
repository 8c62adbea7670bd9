package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.persistence.ColumnText;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An item a feed cannot read is dead-lettered as it arrived, once, and never blocks what follows. */
class UnreadableItemTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    final Database db = TestDatabase.open();
    final RecordingHost host = new RecordingHost();
    final Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        db.close();
    }

    LedgerEntry entry(String key) {
        return db.read(em -> em.find(LedgerEntry.class, key));
    }

    @Test
    void isDeadLetteredUnderItsOwnIdOnceWithTheRawItemAndTheReason() {
        assertTrue(intake.recordUnreadable(Network.X, "1700", "{\"id\":\"1700\",\"text\":7}", "text is not a string"));
        assertFalse(intake.recordUnreadable(Network.X, "1700", "{\"id\":\"1700\",\"text\":7}", "text is not a string"),
                "a re-read of the same page records nothing");
        LedgerEntry e = entry("x:1700");
        assertEquals(LedgerState.DEAD_LETTER, e.state());
        assertEquals(LedgerEntry.Direction.INBOUND, e.direction());
        assertEquals("{\"id\":\"1700\",\"text\":7}", e.text());
        assertEquals(NOW, e.createdAt(), "its time is unknown: the receipt time, and the reason says so");
        assertTrue(e.lastError().startsWith("Unreadable X item"), e.lastError());
        assertTrue(e.lastError().endsWith("text is not a string"), e.lastError());
        assertTrue(e.lastError().contains("time"), e.lastError());
    }

    @Test
    void withoutAUsableIdItIsKeyedByTheHashOfWhatArrived() {
        String raw = "{\"no\":\"id\"}";
        assertTrue(intake.recordUnreadable(Network.MASTODON, null, raw, "no id"));
        assertFalse(intake.recordUnreadable(Network.MASTODON, "  ", raw, "no id"), "same bytes, same key");
        assertTrue(intake.recordUnreadable(Network.MASTODON, "9".repeat(101), raw + " ", "id too long"),
                "other bytes, other key");
        List<String> ids = db.read(em -> em.createQuery(
                "select e.messageId from LedgerEntry e order by e.messageId", String.class).getResultList());
        assertEquals(2, ids.size());
        ids.forEach(id -> assertTrue(id.matches("unreadable-[0-9a-f]{16}"), id));
    }

    @Test
    void aHugeItemAndAHugeReasonAreCutToTheirColumns() {
        int capped = ColumnText.TEXT_LENGTH - ColumnText.cutMarker(70_000).length();
        String raw = "x".repeat(capped - 1) + "\uD83D\uDE00" + "y".repeat(70_000 - capped - 1); // 70,000 characters
        assertTrue(intake.recordUnreadable(Network.X, "42", raw, "r".repeat(5000)));
        LedgerEntry e = entry("x:42");
        assertTrue(e.text().startsWith("x".repeat(capped - 1) + "\n[cut at "), "an emoji is never cut in half");
        assertTrue(e.text().endsWith("the original had " + raw.length() + "]"), "and the cut is said");
        assertEquals(ColumnText.ERROR_LENGTH, e.lastError().length());
    }

    @Test
    void theNextMessageIsReceivedAsUsual() {
        intake.recordUnreadable(Network.X, "1", "garbage", "not JSON");
        SocialIdentity alice = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
        assertEquals(1, intake.receive(List.of(new InboundMessage(Network.X, "2", alice, "@acme help", NOW, null, null,
                Visibility.PUBLIC, null))));
        assertEquals(LedgerState.RECEIVED, entry("x:2").state());
    }
}
