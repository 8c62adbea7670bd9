package org.socialcarebridge.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;

class CommentModerationTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 1, false);

    /** A network that hides comments, as Facebook does, and can be made unreachable. */
    static final class HidingNetwork implements NetworkClient {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Network network() {
            return Network.X;
        }

        @Override
        public PostedMessage post(OutboundPost post, String idempotencyKey) {
            throw new AssertionError("moderation posts nothing");
        }

        @Override
        public void hide(String messageId, boolean hidden) {
            if (failure != null) {
                throw failure;
            }
            calls.add((hidden ? "hide " : "show ") + messageId);
        }
    }

    final RecordingHost host = new RecordingHost();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    final HidingNetwork network = new HidingNetwork();
    final Map<Network, NetworkClient> networks = new ConcurrentHashMap<>();
    Database db;
    CommentModeration moderation;

    @BeforeEach
    void aThreadWithTwoCommentsAndADirectMessageOnTicketOne() {
        db = TestDatabase.open();
        Intake intake = new Intake(db, host, host, Set.of(), Duration.ofDays(7), clock);
        intake.receive(List.of(
                new InboundMessage(Network.X, "10", ALICE, "@acme you are useless", clock.instant(), null, "10", Visibility.PUBLIC, null),
                new InboundMessage(Network.X, "11", BOB, "@acme @alice agreed", clock.instant().plusSeconds(5), "10", "10",
                        Visibility.PUBLIC, null),
                new InboundMessage(Network.X, "12", ALICE, "my order is 42", clock.instant().plusSeconds(9), null, null,
                        Visibility.PRIVATE, null)));
        intake.filePending(10);
        networks.put(Network.X, network);
        moderation = new CommentModeration(db, host, host, networks, clock);
        moderation.readFromDesk(); // a fresh install starts at the desk's newest transaction
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hideCommentsHidesEveryPublicCommentOfTheTicketOnceThenClearsTheField() {
        host.fieldChanges.add(new FieldChange(500, 1, TicketField.MODERATION, "Hide comments", "agent"));
        assertEquals(2, moderation.readFromDesk());
        assertEquals(List.of("hide 10", "hide 11"), network.calls, "the public comments, not the direct message");
        assertNull(host.ticketFields.get(1L).get(TicketField.MODERATION), "cleared: each request is acted on once");
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("agent asked to hide")
                && c.contains("Hidden on the network: 10, 11")), host.comments.toString());
        assertEquals(0, moderation.readFromDesk());
        assertEquals(2, network.calls.size());

        host.fieldChanges.add(new FieldChange(510, 1, TicketField.MODERATION, "Show comments", "agent"));
        assertEquals(2, moderation.readFromDesk());
        assertEquals(List.of("hide 10", "hide 11", "show 10", "show 11"), network.calls);
    }

    @Test
    void anUnreachableNetworkIsAskedAgainAtTheNextLookAndARefusalIsShown() {
        host.fieldChanges.add(new FieldChange(500, 1, TicketField.MODERATION, "Hide comments", "agent"));
        network.failure = new NetworkUnavailableException("Graph answered 503");
        assertThrows(NetworkUnavailableException.class, moderation::readFromDesk, "the route logs it and looks again");
        assertTrue(network.calls.isEmpty());
        assertTrue(host.comments.getOrDefault(1L, List.of()).stream().noneMatch(c -> c.contains("asked to hide")),
                "nothing said yet");
        network.failure = null;
        assertEquals(2, moderation.readFromDesk(), "the same request, read again");
        assertEquals(List.of("hide 10", "hide 11"), network.calls);

        networks.clear();
        host.fieldChanges.add(new FieldChange(520, 1, TicketField.MODERATION, "Hide comments", "agent"));
        assertEquals(2, moderation.readFromDesk());
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("Not changed: 10 (the X channel is not running)")),
                host.comments.toString());
    }

    @Test
    void onANetworkWithoutModerationTheAgentReadsWhy() {
        networks.put(Network.X, new NetworkClient() {
            @Override
            public Network network() {
                return Network.X;
            }

            @Override
            public PostedMessage post(OutboundPost post, String idempotencyKey) {
                throw new AssertionError();
            }
        });
        host.fieldChanges.add(new FieldChange(500, 1, TicketField.MODERATION, "Hide comments", "agent"));
        moderation.readFromDesk();
        assertTrue(host.comments.get(1L).stream().anyMatch(c -> c.contains("X has no hiding of customers' comments")),
                host.comments.toString());
    }
}
