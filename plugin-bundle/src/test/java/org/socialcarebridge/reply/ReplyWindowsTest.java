package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;

class ReplyWindowsTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    final RecordingHost host = new RecordingHost();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    final Channels channels = Channels.of(MadeUpChannelsTest.MESSENGER_LIKE);
    Database db;
    ReplyWindows windows;

    @BeforeEach
    void aCommentOnTicketOne() {
        db = TestDatabase.open();
        Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), clock);
        intake.receive(List.of(new InboundMessage(Network.X, "10", ALICE, "my order is late", clock.instant(), null, "10",
                Visibility.PUBLIC, null)));
        intake.filePending(10);
        windows = new ReplyWindows(db, host, new ReplyPolicy(channels, new SensitiveDataGuard(GuardSettings.defaults()),
                Signature.of(Signature.OFF), MoveToPrivate.standard(), 1, Map.of(), clock), channels, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    String shown() {
        return host.ticketFields.getOrDefault(1L, Map.of()).get(TicketField.REPLY_WINDOW);
    }

    @Test
    void theTicketShowsWhatMaySendPrivatelyAndIsWrittenOnlyWhenThatChanges() {
        assertEquals(1, windows.refresh(50));
        assertEquals("Private: one private reply to their comment 10, until 2026-12-01 10:00 UTC", shown());
        assertEquals(0, windows.refresh(50), "unchanged: not written again");

        clock.now = clock.now.plus(Duration.ofDays(7)).plusSeconds(60);
        assertEquals(1, windows.refresh(50));
        assertEquals("Private: closed now (reply Public; a private reply is possible again once they message the Page)",
                shown(), "a week on, the comment's private reply has lapsed");

        clock.now = clock.now.plus(Duration.ofDays(2));
        host.ticketFields.clear();
        assertEquals(0, windows.refresh(50), "a conversation quiet for longer than every window is left alone");
    }
}
