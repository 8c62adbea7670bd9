package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.reply.Participants.Participant;

class ParticipantsTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 1, false);

    /** Alice opened the ticket; Bob answered in her thread, then wrote to the brand privately. */
    static Conversation aliceThenBob() {
        Conversation c = new Conversation("x:10", 7, ALICE, T);
        c.heardFrom(new InboundMessage(Network.X, "10", ALICE, "@acme help", T, null, "10", Visibility.PUBLIC, null), T);
        c.heardFrom(new InboundMessage(Network.X, "11", BOB, "@acme @alice me too", T.plusSeconds(60), "10", "10",
                Visibility.PUBLIC, null), T);
        c.heardFrom(new InboundMessage(Network.X, "12", BOB, "psst", T.plusSeconds(120), null, null, Visibility.PRIVATE, null), T);
        return c;
    }

    static final List<Participants.Written> WROTE = List.of(
            new Participants.Written("2001", "alice", T, "10", Visibility.PUBLIC),
            new Participants.Written("2002", "bob", T.plusSeconds(60), "11", Visibility.PUBLIC),
            new Participants.Written("2002", "bob", T.plusSeconds(120), "12", Visibility.PRIVATE));

    final Participants participants = Participants.of(aliceThenBob(), WROTE);

    @Test
    void withoutAPickThePrivateReplyGoesToTheCustomerNotToWhoeverWroteLast() {
        assertEquals("2001", participants.recipient(null).accountId());
        assertEquals("2001", participants.recipient("  ").accountId());
        assertEquals("2001", Participants.customerOf(aliceThenBob()).recipient(null).accountId(),
                "the conversation alone knows its customer too");
    }

    @Test
    void theAgentMayPickAnyoneWhoWroteHereByHandleInAnyCaseOrByAccount() {
        for (String pick : List.of("@bob", "bob", " @BoB ", "x:2002", "x:2002 @bob", "x:2002 @whatever")) {
            Participant p = participants.recipient(pick);
            assertEquals("2002", p.accountId(), pick);
            assertEquals(T.plusSeconds(120), p.lastWroteAt(), "their latest message counts");
        }
        assertEquals("2001", participants.recipient("@ALICE").accountId());
    }

    @Test
    void anyoneElseIsRefusedNamingTheValueAndWhoIsAllowed() {
        ReplyRefusedException stranger = assertThrows(ReplyRefusedException.class, () -> participants.recipient("@mallory"));
        assertTrue(stranger.getMessage().contains("'@mallory'"), stranger.getMessage());
        assertTrue(stranger.getMessage().contains("has not written in this conversation"), stranger.getMessage());
        assertTrue(stranger.getMessage().contains("@alice (the customer, x:2001), @bob (x:2002)"), stranger.getMessage());

        ReplyRefusedException otherNetwork = assertThrows(ReplyRefusedException.class,
                () -> participants.recipient("mastodon:2002"));
        assertTrue(otherNetwork.getMessage().contains("another network"), otherNetwork.getMessage());
        assertThrows(ReplyRefusedException.class, () -> participants.recipient("x:9999"), "an account that never wrote here");
        assertThrows(ReplyRefusedException.class, () -> participants.recipient("@bob@mastodon.social"),
                "a handle is matched whole");
        assertThrows(ReplyRefusedException.class, () -> participants.recipient("@bo"));
    }

    static Participants.Written written(String account, String handle, Instant at) {
        return new Participants.Written(account, handle, at, account + "-" + at.getEpochSecond(), Visibility.PUBLIC);
    }

    @Test
    void aRenamedParticipantIsKnownByTheLatestHandleAndAReusedHandleMustBeWrittenAsTheAccount() {
        Participants renamed = Participants.of(aliceThenBob(), List.of(written("2001", "alice", T),
                written("2002", "bob", T), written("2002", "robert", T.plusSeconds(5)),
                written("2003", "ROBERT", T.plusSeconds(9))));
        ReplyRefusedException twice = assertThrows(ReplyRefusedException.class, () -> renamed.recipient("@robert"));
        assertTrue(twice.getMessage().contains("several accounts") && twice.getMessage().contains("x:2002"), twice.getMessage());
        assertEquals("2003", renamed.recipient("x:2003").accountId());
        assertEquals("robert", renamed.recipient("x:2002").handle());
        assertThrows(ReplyRefusedException.class, () -> renamed.recipient("@bob"), "bob is robert now");
    }
}
