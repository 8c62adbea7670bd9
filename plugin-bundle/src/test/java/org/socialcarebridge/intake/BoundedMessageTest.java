package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.persistence.ColumnText;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever arrives, every field fits its column, and nothing is made up where the network said nothing readable. */
class BoundedMessageTest {
    static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", "https://x.com/alice", 1, false);

    @TempDir
    Path dir;
    final RecordingHost host = new RecordingHost();

    private Intake intake(Database db) {
        return new Intake(db, host, host, Set.of(), java.time.Duration.ofDays(7), Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    @Test
    void anUnreadableCreationTimeIsKeptAsSentAndTheSlaCountsFromReceipt() {
        InboundMessage m = new InboundMessage(Network.X, "10", ALICE, "@acme my router is broken", null, null, "10",
                Visibility.PUBLIC, null, null, "garbage", List.of());
        try (Database db = TestDatabase.file(dir)) {
            Intake intake = intake(db);
            intake.receive(List.of(m));
            LedgerEntry e = db.read(em -> em.find(LedgerEntry.class, "x:10"));
            assertEquals(RECEIVED, e.createdAt(), "the time of receipt, which the row says it is");
            assertEquals("garbage", e.message().createdAtAsSent());
            assertEquals(1, intake.filePending(10).filed());
        }
        String content = host.tickets.get(1L).content();
        assertTrue(content.contains("(created_at 'garbage' could not be read; the SLA counts from receipt at "
                + RECEIVED + ")"), content);
    }

    @Test
    void theExportShowsTheRawCreationTimeAndTheRemarks() throws java.io.IOException {
        InboundMessage m = new InboundMessage(Network.X, "10", ALICE, "@acme help", null, null, "10",
                Visibility.PUBLIC, null, null, "yesterday-ish", List.of("(a remark)"));
        var out = new java.io.ByteArrayOutputStream();
        try (Database db = TestDatabase.file(dir)) {
            intake(db).receive(List.of(m));
            try (var w = new org.socialcarebridge.export.JsonLinesMessageWriter(out)) {
                new org.socialcarebridge.export.MessageExport(db).export(RECEIVED.minusSeconds(1), RECEIVED.plusSeconds(1),
                        List.of(w));
            }
        }
        var row = org.socialcarebridge.export.ExportFiles.json(out.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        assertEquals(RECEIVED.toString(), row.get("created_at"));
        assertEquals("yesterday-ish", row.get("created_at_as_sent"));
        assertEquals("(a remark)", row.get("remarks"));
    }

    @Test
    void aMessageWithoutCreationTimeIsFlaggedNotDatedNow() {
        InboundMessage m = new InboundMessage(Network.X, "10", ALICE, "hi", null, null, null, Visibility.PUBLIC, null);
        assertNull(m.createdAt(), "no time is invented");
        assertTrue(m.createdAtUnread());
        assertEquals("", m.createdAtAsSent());
        assertTrue(Intake.unreadCreatedAt(m).startsWith("(no created_at came with the message"), Intake.unreadCreatedAt(m));
    }

    @Test
    void remarksReachTheTicketAndSurviveTheLedger() {
        String handle = "someone@" + "very-long-sub.".repeat(30) + "example";
        InboundMessage m = new InboundMessage(Network.MASTODON, "500", new SocialIdentity(Network.MASTODON, "9", handle,
                null, null, 0, false), "@acme help", RECEIVED, null, null, Visibility.PUBLIC, null, null, null,
                List.of("(The handle is " + handle.length() + " characters long; in full: @" + handle + ")"));
        try (Database db = TestDatabase.file(dir)) {
            Intake intake = intake(db);
            intake.receive(List.of(m));
            assertEquals(m.remarks(), db.read(em -> em.find(LedgerEntry.class, "mastodon:500")).message().remarks());
            intake.filePending(10);
        }
        String content = host.tickets.get(1L).content();
        assertTrue(content.contains("in full: @" + handle), content);
        assertEquals("@" + ColumnText.cut(handle, SocialIdentity.HANDLE_LENGTH),
                host.tickets.get(1L).customFields().get(org.socialcarebridge.host.TicketField.HANDLE));
    }

    @Test
    void theDomainCutsWhatNoMapperCutSoNoPathOverflowsAColumn() {
        SocialIdentity a = new SocialIdentity(Network.MASTODON, "9", "h".repeat(500), "n".repeat(900), "https://"
                + "u".repeat(2000), 0, false);
        assertEquals(SocialIdentity.HANDLE_LENGTH, a.handle().length());
        assertEquals(SocialIdentity.NAME_LENGTH, a.displayName().length());
        assertEquals(SocialIdentity.URL_LENGTH, a.profileUrl().length());
        InboundMessage m = new InboundMessage(Network.MASTODON, "1", a, "t".repeat(200_000), RECEIVED, null, null,
                Visibility.PUBLIC, "https://" + "u".repeat(2000));
        assertEquals(ColumnText.TEXT_LENGTH, m.text().length());
        assertTrue(m.text().endsWith("the original had 200000]"));
        assertEquals(InboundMessage.URL_LENGTH, m.url().length());
        try (Database db = TestDatabase.file(dir)) {
            assertEquals(1, intake(db).receive(List.of(m)));
        }
    }

    @Test
    void anIdLongerThanAnyNetworksIsRefusedNamingTheFieldAndItsLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InboundMessage(Network.X,
                "9".repeat(150), ALICE, "hi", RECEIVED, null, null, Visibility.PUBLIC, null));
        assertTrue(e.getMessage().contains("X message id is 150 characters long"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SocialIdentity(Network.X, "1".repeat(101), "a", null,
                null, 0, false));
        assertTrue(e.getMessage().contains("X account id is 101 characters long"), e.getMessage());
    }

    @Test
    void aTenThousandCharacterErrorNeverFailsTheLedgersTransaction() {
        String error = "RT answered 500: " + "stack frame ".repeat(850);
        try (Database db = TestDatabase.file(dir)) {
            intake(db).receive(List.of(new InboundMessage(Network.X, "10", ALICE, "hi", RECEIVED, null, null,
                    Visibility.PUBLIC, null)));
            db.writing(em -> em.find(LedgerEntry.class, "x:10").failed(error));
            assertEquals(ColumnText.ERROR_LENGTH, db.read(em -> em.find(LedgerEntry.class, "x:10")).lastError().length());
            db.writing(em -> em.find(LedgerEntry.class, "x:10").deadLetter(error, RECEIVED));
            assertEquals(LedgerState.DEAD_LETTER, db.read(em -> em.find(LedgerEntry.class, "x:10")).state());
        }
    }
}
