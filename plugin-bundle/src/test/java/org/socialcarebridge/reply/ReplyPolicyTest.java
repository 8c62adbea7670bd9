package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;

class ReplyPolicyTest {
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    final ReplyPolicy policy = new ReplyPolicy(SampleChannels.BOTH);

    static Conversation conversation(boolean heardPublicly) {
        Conversation c = new Conversation("x:10", 7, ALICE, Instant.now());
        c.heardFrom(new InboundMessage(Network.X, "10", ALICE, "@acme hi", Instant.now(), null, "10",
                heardPublicly ? Visibility.PUBLIC : Visibility.PRIVATE, null), Instant.now());
        return c;
    }

    static AgentReply reply(String text, ReplyVisibility v) {
        return new AgentReply(7, 99, "agent", text, v);
    }

    /** Public and Private replies are one post. */
    OutboundPost compose(AgentReply reply, Conversation conversation) {
        java.util.List<OutboundPost> posts = policy.compose(reply, conversation);
        assertEquals(1, posts.size(), posts.toString());
        return posts.get(0);
    }

    @Test
    void aDirectMessageOutsideTheNetworksMessagingWindowIsRefusedBeforeAnythingIsPosted() {
        java.time.Clock later = java.time.Clock.fixed(Instant.now().plus(java.time.Duration.ofHours(25)), java.time.ZoneOffset.UTC);
        ReplyPolicy windowed = new ReplyPolicy(SampleChannels.BOTH, new org.socialcarebridge.reply.guard.SensitiveDataGuard(
                org.socialcarebridge.reply.guard.GuardSettings.defaults()), Signature.of(Signature.OFF), MoveToPrivate.standard(), 1,
                java.util.Map.of(Network.X, java.time.Duration.ofHours(24)), later);
        ReplyRefusedException refused = assertThrows(ReplyRefusedException.class,
                () -> windowed.compose(reply("Here is your code", ReplyVisibility.PRIVATE), conversation(true)));
        assertTrue(refused.getMessage().contains("within 24h"), refused.getMessage());
        assertThrows(ReplyRefusedException.class, () -> windowed.compose(reply("DM us", ReplyVisibility.TO_PRIVATE), conversation(true)),
                "a Move to private is checked before its acknowledgement goes out");
        assertEquals(1, windowed.compose(reply("Please write to us again", ReplyVisibility.PUBLIC), conversation(true)).size());
        ReplyPolicy inTime = new ReplyPolicy(SampleChannels.BOTH, new org.socialcarebridge.reply.guard.SensitiveDataGuard(
                org.socialcarebridge.reply.guard.GuardSettings.defaults()), Signature.of(Signature.OFF), MoveToPrivate.standard(), 1,
                java.util.Map.of(Network.X, java.time.Duration.ofHours(24)), java.time.Clock.systemUTC());
        assertEquals(1, inTime.compose(reply("Here is your code", ReplyVisibility.PRIVATE), conversation(true)).size());
    }

    @Test
    void aPublicReplyMentionsThePersonAnsweredFirstThenTheThreadsOtherParticipantsEachOnce() {
        List<OutboundPost> posts = policy.compose(reply("We are on it", ReplyVisibility.PUBLIC), conversation(true),
                List.of("bob", "alice", "Carol"));
        assertEquals("@alice @bob @Carol We are on it", posts.get(0).text());
        List<OutboundPost> moved = policy.compose(reply("DM us", ReplyVisibility.TO_PRIVATE), conversation(true), List.of("bob"));
        assertEquals("@alice We want to fix this. We've sent you a DM.", moved.get(0).text(), "the acknowledgement is for the customer");
    }

    @Test
    void personalDataIsNeverPostedInPublicButMayGoPrivately() {
        ReplyBlockedException blocked = assertThrows(ReplyBlockedException.class,
                () -> policy.compose(reply("Your card 4111 1111 1111 1111 was charged twice", ReplyVisibility.PUBLIC), conversation(true)));
        assertTrue(blocked.getMessage().contains("card number") && blocked.getMessage().contains("Private"), blocked.getMessage());
        assertFalse(blocked.getMessage().contains("4111 1111 1111 1111"), "never repeated in full: " + blocked.getMessage());
        assertThrows(ReplyBlockedException.class,
                () -> policy.compose(reply("Mail us at help@acme.example", null), conversation(true)), "the default follows public");
        assertEquals("Your card 4111 1111 1111 1111 was charged twice",
                compose(reply("Your card 4111 1111 1111 1111 was charged twice", ReplyVisibility.PRIVATE), conversation(true)).text());
    }

    @Test
    void theAgentsSignatureAndANumberedThreadWhenTheAdministratorAllowsIt() {
        ReplyPolicy signing = new ReplyPolicy(SampleChannels.BOTH, new org.socialcarebridge.reply.guard.SensitiveDataGuard(
                org.socialcarebridge.reply.guard.GuardSettings.defaults()), Signature.of(" ^{initials}"), MoveToPrivate.standard(), 3);
        AgentReply signed = new AgentReply(7, 99, "agent", "On it.", ReplyVisibility.PUBLIC, false, false, "Alex Agent");
        assertEquals("@alice On it. ^AA", signing.compose(signed, conversation(true)).get(0).text());

        String longText = "We checked your order and the courier has it. ".repeat(12).strip();
        java.util.List<OutboundPost> thread = signing.compose(new AgentReply(7, 99, "agent", longText, ReplyVisibility.PUBLIC,
                false, false, "Alex Agent"), conversation(true));
        assertTrue(thread.size() > 1 && thread.size() <= 3, thread.size() + " parts");
        assertEquals("10", thread.get(0).inReplyToMessageId());
        assertFalse(thread.get(0).continuesThread());
        for (OutboundPost part : thread.subList(1, thread.size())) {
            assertTrue(part.continuesThread(), "later parts answer the part before them");
        }
        for (OutboundPost part : thread) {
            assertTrue(PostLength.of(SampleChannels.X_LENGTH).count(part.text()) <= 280, part.text());
        }
        assertThrows(ReplyRefusedException.class, () -> policy.compose(reply(longText, ReplyVisibility.PUBLIC), conversation(true)),
                "without the administrator's leave a long reply is refused, never cut");
    }

    @Test
    void moveToPrivateAcknowledgesInTheThreadThenSendsTheAgentsTextAsADirectMessage() {
        java.util.List<OutboundPost> posts = policy.compose(reply("Could you send me your order number?", ReplyVisibility.TO_PRIVATE),
                conversation(true));
        assertEquals(2, posts.size());
        assertEquals(ReplyVisibility.PUBLIC, posts.get(0).visibility());
        assertEquals("@alice We want to fix this. We've sent you a DM.", posts.get(0).text());
        assertEquals("10", posts.get(0).inReplyToMessageId());
        assertEquals(ReplyVisibility.PRIVATE, posts.get(1).visibility());
        assertEquals("Could you send me your order number?", posts.get(1).text());
        assertEquals("2001", posts.get(1).recipientAccountId());
    }

    @Test
    void moveToPrivateOnAConversationThatIsAlreadyPrivateIsTheDirectMessageAlone() {
        java.util.List<OutboundPost> posts = policy.compose(reply("Thanks, checking now", ReplyVisibility.TO_PRIVATE),
                conversation(false));
        assertEquals(1, posts.size());
        assertEquals(ReplyVisibility.PRIVATE, posts.get(0).visibility());
    }

    @Test
    void publicReplyAnswersTheLatestCustomerPostWithTheirHandle() {
        OutboundPost post = compose(reply("We're on it.", ReplyVisibility.PUBLIC), conversation(true));
        assertEquals("@alice We're on it.", post.text());
        assertEquals("10", post.inReplyToMessageId());
    }

    @Test
    void handleIsNotDoubled() {
        assertEquals("@Alice thanks", compose(reply("@Alice thanks", ReplyVisibility.PUBLIC), conversation(true)).text());
    }

    @Test
    void privateReplyGoesToTheAccountWithoutPrefix() {
        OutboundPost post = compose(reply("Your order is 123", ReplyVisibility.PRIVATE), conversation(true));
        assertEquals("Your order is 123", post.text());
        assertEquals("2001", post.recipientAccountId());
        assertNull(post.inReplyToMessageId());
    }

    @Test
    void tooLongPublicReplyIsRefusedWithTheNumbers() {
        String text = "x".repeat(274); // with "@alice " that is 281
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> compose(reply(text, ReplyVisibility.PUBLIC), conversation(true)));
        assertTrue(e.getMessage().contains("281") && e.getMessage().contains("280"), e.getMessage());
        assertEquals(280, compose(reply("x".repeat(273), ReplyVisibility.PUBLIC), conversation(true)).text().length());
    }

    @Test
    void urlsCountAs23TowardsTheLimit() {
        String url = "https://example.com/" + "p".repeat(200);
        String text = "x".repeat(249) + " " + url; // 7 + 249 + 1 + 23 = 280
        assertTrue(compose(reply(text, ReplyVisibility.PUBLIC), conversation(true)).text().endsWith(url));
    }

    @Test
    void publicReplyWithoutAPublicCustomerPostIsRefused() {
        assertThrows(ReplyRefusedException.class, () -> compose(reply("hi", ReplyVisibility.PUBLIC), conversation(false)));
    }

    @Test
    void withoutAnExplicitChoiceTheReplyGoesTheWayTheCustomerLastWrote() {
        assertEquals(ReplyVisibility.PUBLIC, compose(reply("on it", null), conversation(true)).visibility());
        Conversation afterDm = conversation(true);
        afterDm.heardFrom(new InboundMessage(Network.X, "11", ALICE, "my account is 42", Instant.now(), null, null,
                Visibility.PRIVATE, null), Instant.now());
        OutboundPost post = compose(reply("thanks, checking", null), afterDm);
        assertEquals(ReplyVisibility.PRIVATE, post.visibility(), "a DM is not answered in public by default");
        assertEquals("2001", post.recipientAccountId());
        assertEquals(ReplyVisibility.PUBLIC, compose(reply("explicitly public", ReplyVisibility.PUBLIC), afterDm).visibility(),
                "the agent's explicit choice wins");
    }

    @Test
    void emptyReplyIsRefused() {
        assertThrows(ReplyRefusedException.class, () -> compose(reply("  ", ReplyVisibility.PRIVATE), conversation(true)));
    }

    static final SocialIdentity BOB = new SocialIdentity(Network.X, "2002", "bob", "Bob", null, 1, false);

    static AgentReply replyTo(String text, ReplyVisibility v, String replyTo) {
        return new AgentReply(7, 99, "agent", text, v, false, false, null, null, replyTo);
    }

    /** Alice's thread, where Bob, a stranger, answered publicly and then wrote to the brand privately. */
    static Conversation strangerDmedLast() {
        Conversation c = conversation(true);
        c.heardFrom(new InboundMessage(Network.X, "11", BOB, "@acme @alice same", Instant.now(), "10", "10", Visibility.PUBLIC, null),
                Instant.now());
        c.heardFrom(new InboundMessage(Network.X, "12", BOB, "hi, it's Bob", Instant.now(), null, null, Visibility.PRIVATE, null),
                Instant.now());
        return c;
    }

    static Participants writers(Conversation c) {
        return Participants.of(c, List.of(new Participants.Written("2001", "alice", Instant.now(), "10", Visibility.PUBLIC),
                new Participants.Written("2002", "bob", Instant.now(), "12", Visibility.PRIVATE)));
    }

    @Test
    void aPrivateReplyGoesToTheTicketsCustomerEvenWhenAStrangerWroteLastAndTheDefaultStillFollowsTheLastMessage() {
        Conversation c = strangerDmedLast();
        List<OutboundPost> posts = policy.compose(reply("Your refund for order 42 is on its way", null), c, List.of(), writers(c));
        assertEquals(1, posts.size());
        assertEquals(ReplyVisibility.PRIVATE, posts.get(0).visibility(), "the last message was a DM: answered privately");
        assertEquals("2001", posts.get(0).recipientAccountId(), "to Alice, whose ticket it is, not to Bob");
        assertEquals("x:2001 @alice", posts.get(0).recipient());
        assertEquals("2001", policy.compose(reply("hi", ReplyVisibility.PRIVATE), c).get(0).recipientAccountId(),
                "without the participants (follow-ups) too");

        List<OutboundPost> moved = policy.compose(reply("Order 42?", ReplyVisibility.TO_PRIVATE), c, List.of(), writers(c));
        assertEquals("11", moved.get(0).inReplyToMessageId(), "the acknowledgement answers the thread's latest post as before");
        assertEquals("@bob @alice We want to fix this. We've sent you a DM.", moved.get(0).text(),
                "and tells the one who receives the DM");
        assertEquals("2001", moved.get(1).recipientAccountId());
        assertEquals(null, moved.get(0).recipient(), "a public post has no recipient");
    }

    @Test
    void theAgentPicksAnotherParticipantWithSocialReplyToAndAnyoneElseIsRefused() {
        Conversation c = strangerDmedLast();
        OutboundPost toBob = policy.compose(replyTo("Thanks Bob, we'll look", ReplyVisibility.PRIVATE, "@Bob"), c, List.of(),
                writers(c)).get(0);
        assertEquals("2002", toBob.recipientAccountId());
        assertEquals("x:2002 @bob", toBob.recipient());
        List<OutboundPost> moved = policy.compose(replyTo("Bob, your order?", ReplyVisibility.TO_PRIVATE, "bob"), c, List.of(),
                writers(c));
        assertEquals("@bob We want to fix this. We've sent you a DM.", moved.get(0).text());
        assertEquals("2002", moved.get(1).recipientAccountId());

        ReplyRefusedException stranger = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(replyTo("psst", ReplyVisibility.PRIVATE, "@mallory"), c, List.of(), writers(c)));
        assertTrue(stranger.getMessage().contains("'@mallory'") && stranger.getMessage().contains("@alice (the customer, x:2001)")
                && stranger.getMessage().contains("@bob (x:2002)"), stranger.getMessage());
        assertThrows(ReplyRefusedException.class,
                () -> policy.compose(replyTo("psst", ReplyVisibility.TO_PRIVATE, "@mallory"), c, List.of(), writers(c)),
                "refused before the acknowledgement too");
        ReplyRefusedException publicly = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(replyTo("on it", ReplyVisibility.PUBLIC, "@bob"), c, List.of(), writers(c)));
        assertTrue(publicly.getMessage().contains("REPLY_TO ('@bob')") && publicly.getMessage().contains("Public"),
                publicly.getMessage());
        String onTheDesk = publicly.in(new org.socialcarebridge.RecordingHost());
        assertTrue(onTheDesk.contains("Social Reply To ('@bob')") && onTheDesk.contains("Set Reply Visibility to Private"),
                onTheDesk);
    }

    @Test
    void theMessagingWindowCountsFromTheRecipientsOwnLastMessage() {
        java.time.Clock now = java.time.Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), java.time.ZoneOffset.UTC);
        ReplyPolicy windowed = new ReplyPolicy(SampleChannels.BOTH, new org.socialcarebridge.reply.guard.SensitiveDataGuard(
                org.socialcarebridge.reply.guard.GuardSettings.defaults()), Signature.of(Signature.OFF), MoveToPrivate.standard(), 1,
                java.util.Map.of(Network.X, java.time.Duration.ofHours(24)), now);
        Conversation c = strangerDmedLast();
        Participants aliceLongAgo = Participants.of(c, List.of(
                new Participants.Written("2001", "alice", Instant.parse("2026-11-24T10:00:00Z"), "10", Visibility.PUBLIC),
                new Participants.Written("2002", "bob", Instant.parse("2026-11-25T11:00:00Z"), "12", Visibility.PRIVATE)));
        ReplyRefusedException closed = assertThrows(ReplyRefusedException.class,
                () -> windowed.compose(reply("hi", ReplyVisibility.PRIVATE), c, List.of(), aliceLongAgo));
        assertTrue(closed.getMessage().contains("@alice last wrote at 2026-11-24T10:00:00Z"), closed.getMessage());
        assertEquals("2002", windowed.compose(replyTo("hi", ReplyVisibility.PRIVATE, "@bob"), c, List.of(), aliceLongAgo)
                .get(0).recipientAccountId());
    }

    static final SocialIdentity CAROL = new SocialIdentity(Network.MASTODON, "301", "carol", "Carol", null, 1, false);

    static Conversation onMastodon(SocialIdentity customer) {
        Conversation c = new Conversation("mastodon:500", 8, customer, Instant.now());
        c.heardFrom(new InboundMessage(Network.MASTODON, "500", customer, "@acme help", Instant.now(), null, null,
                Visibility.PUBLIC, null), Instant.now());
        return c;
    }

    @Test
    void aMastodonDirectMessageThatWouldReachAnyoneButItsRecipientIsRefusedNamingThem() {
        Conversation c = onMastodon(CAROL);
        for (String text : List.of("Please ask @dan to check", "cc @dan@other.example", "(@dan)", "thanks @Dan.",
                "@carol@other.example is that you?", "ask@@dan")) {
            ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                    () -> policy.compose(reply(text, ReplyVisibility.PRIVATE), c), text);
            assertTrue(e.getMessage().contains("would also reach @") && e.getMessage().contains("besides @carol")
                    && e.getMessage().contains("Remove those @handles") && e.getMessage().contains("reply publicly"),
                    e.getMessage());
        }
        ReplyRefusedException both = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply("@dan and @erin@far.example, see this", ReplyVisibility.TO_PRIVATE), c));
        assertTrue(both.getMessage().contains("@dan, @erin@far.example besides @carol"), both.getMessage());
        assertEquals(ReplyVisibility.PUBLIC, policy.compose(reply("hi @bob", null), c).get(0).visibility(),
                "the customer wrote publicly: the default reply is public, and a public reply may mention anyone");
    }

    @Test
    void aMastodonDirectMessageMayMentionItsRecipientAndWriteAddressesAndLinks() {
        Conversation c = onMastodon(CAROL);
        for (String text : List.of("Your parcel", "@Carol your parcel", "write to help@acme.example",
                "see https://social.example/@dan", "thanks @carol.", "＠dan is not a mention")) {
            OutboundPost dm = policy.compose(reply(text, ReplyVisibility.PRIVATE), c).get(0);
            assertEquals("301", dm.recipientAccountId(), text);
            assertTrue(dm.text().toLowerCase(java.util.Locale.ROOT).startsWith("@carol"), "the recipient's mention first: " + dm.text());
        }
        Conversation remote = onMastodon(new SocialIdentity(Network.MASTODON, "302", "carol@remote.example", null, null, 1, false));
        assertEquals("@carol@remote.example hi", policy.compose(reply("hi", ReplyVisibility.PRIVATE), remote).get(0).text());
        assertThrows(ReplyRefusedException.class, () -> policy.compose(reply("@carol hi", ReplyVisibility.PRIVATE), remote),
                "@carol is the local carol, not the remote customer");
        assertEquals("@dan thanks", policy.compose(reply("@dan thanks", ReplyVisibility.PUBLIC), onMastodon(
                new SocialIdentity(Network.MASTODON, "303", "dan", null, null, 1, false))).get(0).text(),
                "public replies are not direct statuses");
    }
}
