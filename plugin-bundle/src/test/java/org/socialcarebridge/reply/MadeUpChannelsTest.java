package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.channel.SampleChannels;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.reply.guard.GuardSettings;
import org.socialcarebridge.reply.guard.SensitiveDataGuard;

/**
 * The reply policy asks the conversation's channel, so networks unlike X and Mastodon need no edit of
 * it: each description here is made up (on the X network, since conversations name one of the networks
 * the ledger knows) and the policy follows what it says.
 */
class MadeUpChannelsTest {
    static final Instant WROTE = Instant.parse("2026-11-24T10:00:00Z");
    static final SocialIdentity ALICE = new SocialIdentity(Network.X, "2001", "alice", "Alice", null, 1, false);
    static final LengthRule PLAIN = new LengthRule(LengthRule.Counting.CODE_POINTS, 23, false);
    static final Identities HANDLES = new Identities(20, false, null);

    /** A Meta-like network: comments answered in public, private messages within 24h, then templates only. */
    static final SampleChannels.Described WINDOWED = new SampleChannels.Described(Network.X,
            Set.of(new Inbound(Inbound.Kind.COMMENT, Inbound.Arrival.WEBHOOK),
                    new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.WEBHOOK)),
            Optional.of(new PublicReplies(8000, PLAIN, PublicReplies.Threads.NONE)),
            Optional.of(new PrivateMessages(2000, PLAIN, PrivateMessages.Addressing.ACCOUNT, Duration.ofHours(24), true,
                    null, null)),
            Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN, HANDLES);

    /** A comment-only network: the brand answers in public and has no private messages at all. */
    static final SampleChannels.Described COMMENTS_ONLY = new SampleChannels.Described(Network.X,
            Set.of(Inbound.polled(Inbound.Kind.COMMENT)),
            Optional.of(new PublicReplies(60, PLAIN, PublicReplies.Threads.NONE)), Optional.empty(),
            Duplicates.IDEMPOTENCY_KEY, HANDLES);

    /** A messaging-only network: nothing the brand says is public. */
    static final SampleChannels.Described MESSAGES_ONLY = new SampleChannels.Described(Network.X,
            Set.of(new Inbound(Inbound.Kind.DIRECT_MESSAGE, Inbound.Arrival.STREAM)), Optional.empty(),
            Optional.of(PrivateMessages.toAccount(50, PLAIN)), Duplicates.IDEMPOTENCY_KEY, HANDLES);

    /**
     * A Facebook-like network: comments answered in public; Messenger within 24h of the person's last
     * message, a human agent up to 7 days with a tag; one private reply to a comment within 7 days.
     */
    static final SampleChannels.Described MESSENGER_LIKE = new SampleChannels.Described(Network.X,
            WINDOWED.receives(), Optional.of(new PublicReplies(8000, PLAIN, PublicReplies.Threads.NONE, false)),
            Optional.of(new PrivateMessages(2000, PLAIN, PrivateMessages.Addressing.ACCOUNT, Duration.ofHours(24), false,
                    new PrivateMessages.LateReplies(Duration.ofDays(7), "HUMAN_AGENT"), Duration.ofDays(7))),
            Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN, HANDLES);

    /** Alice commented publicly, then wrote privately, both at {@link #WROTE}. */
    static Conversation messaged() {
        Conversation c = conversation();
        c.heardFrom(new InboundMessage(Network.X, "20", ALICE, "it's order 42", WROTE, null, null, Visibility.PRIVATE, null),
                WROTE);
        return c;
    }

    static Participants wrote(Conversation c, Set<String> answeredPrivately, Participants.Written... messages) {
        return Participants.of(c, List.of(messages), answeredPrivately);
    }

    static Participants.Written comment(String id, Instant at) {
        return new Participants.Written("2001", "alice", at, id, Visibility.PUBLIC);
    }

    static Participants.Written message(String id, Instant at) {
        return new Participants.Written("2001", "alice", at, id, Visibility.PRIVATE);
    }

    static Conversation conversation() {
        Conversation c = new Conversation("x:10", 7, ALICE, WROTE);
        c.heardFrom(new InboundMessage(Network.X, "10", ALICE, "@acme my order", WROTE, null, "10", Visibility.PUBLIC, null),
                WROTE);
        return c;
    }

    static AgentReply reply(String text, ReplyVisibility visibility) {
        return new AgentReply(7, 99, "agent", text, visibility);
    }

    static ReplyPolicy policy(SampleChannels.Described channel, int maxThreadParts, Instant now) {
        return new ReplyPolicy(Channels.of(channel), new SensitiveDataGuard(GuardSettings.defaults()),
                Signature.of(Signature.OFF), MoveToPrivate.standard(), maxThreadParts, Map.of(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theChannelsOwnMessagingWindowClosesPrivateRepliesAndSaysOnlyTemplatesRemain() {
        ReplyPolicy late = policy(WINDOWED, 1, WROTE.plus(Duration.ofHours(25)));
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> late.compose(reply("Here is your code", ReplyVisibility.PRIVATE), messaged()));
        assertTrue(e.getMessage().contains("X allows free text only within 24 hours of the customer's last message"),
                e.getMessage());
        assertTrue(e.getMessage().contains("pick an approved template in TEMPLATE"), e.getMessage());
        assertTrue(late.directMessageClosed(messaged()).orElseThrow().contains("within 24h"));

        ReplyPolicy inTime = policy(WINDOWED, 1, WROTE.plus(Duration.ofHours(23)));
        assertEquals(Optional.empty(), inTime.directMessageClosed(messaged()));
        assertTrue(inTime.directMessageClosed(conversation()).orElseThrow().startsWith("the customer has not written"
                + " privately here"), "a public comment opens no messaging window");
        OutboundPost dm = inTime.compose(reply("Here is your code", ReplyVisibility.PRIVATE), messaged()).get(0);
        assertEquals("Here is your code", dm.text(), "addressed to the account, no mention added");
        assertEquals("2001", dm.recipientAccountId());
    }

    @Test
    void anAdministratorsWindowOverridesTheChannels() {
        ReplyPolicy longer = new ReplyPolicy(Channels.of(WINDOWED), new SensitiveDataGuard(GuardSettings.defaults()),
                Signature.of(Signature.OFF), MoveToPrivate.standard(), 1, Map.of(Network.X, Duration.ofHours(48)),
                Clock.fixed(WROTE.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), longer.directMessageClosed(messaged()));
    }

    @Test
    void insideTheWindowAMessageGoesPlainAfterItAPersonsReplyCarriesTheTagUpToSevenDays() {
        Conversation c = messaged();
        Participants alice = wrote(c, Set.of(), comment("10", WROTE), message("20", WROTE));
        OutboundPost plain = policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofHours(23)))
                .compose(reply("Here is your code", ReplyVisibility.PRIVATE), c, List.of(), alice).get(0);
        assertEquals(null, plain.tag());
        assertEquals(null, plain.inReplyToMessageId(), "a Messenger message, not the comment's private reply");
        assertEquals("2001", plain.recipientAccountId());

        ReplyPolicy twoDaysOn = policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofDays(2)));
        OutboundPost tagged = twoDaysOn.compose(reply("Here is your code", ReplyVisibility.PRIVATE), c, List.of(), alice).get(0);
        assertEquals("HUMAN_AGENT", tagged.tag());
        assertEquals(null, tagged.inReplyToMessageId(), "the comment's private reply is kept for later");
        assertTrue(twoDaysOn.directMessageClosed(c).isPresent(), "a survey is automated: never tagged, so not sent");

        ReplyRefusedException late = assertThrows(ReplyRefusedException.class, () -> policy(MESSENGER_LIKE, 1,
                WROTE.plus(Duration.ofDays(8))).compose(reply("Here is your code", ReplyVisibility.PRIVATE), c, List.of(), alice));
        assertTrue(late.getMessage().startsWith("Nothing was sent: @alice last wrote privately at 2026-11-24T10:00:00Z; X lets"
                + " the brand send a direct message only within 24h of the person's last private message, and a person up"
                + " to 7 days with the HUMAN_AGENT tag; their comment 10 of 2026-11-24T10:00:00Z is older than the 7 days"
                + " in which X allows one private reply to it. Reply Public"), late.getMessage());
    }

    @Test
    void theTicketIsToldWhatMayBeSentPrivatelyNowAndUntilWhen() {
        Conversation c = messaged();
        Participants both = wrote(c, Set.of(), comment("10", WROTE), message("20", WROTE));
        assertEquals(Optional.of("Private: open until 2026-11-25 10:00 UTC, then with the HUMAN_AGENT tag until"
                + " 2026-12-01 10:00 UTC"), policy(MESSENGER_LIKE, 1, WROTE.plusSeconds(60)).privateNow(c, both));
        assertEquals(Optional.of("Private: with the HUMAN_AGENT tag, until 2026-12-01 10:00 UTC"),
                policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofDays(2))).privateNow(c, both));
        Conversation commentOnly = conversation();
        assertEquals(Optional.of("Private: one private reply to their comment 10, until 2026-12-01 10:00 UTC"),
                policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofDays(2))).privateNow(commentOnly,
                        wrote(commentOnly, Set.of(), comment("10", WROTE))));
        assertEquals(Optional.of("Private: closed now (reply Public; a private reply is possible again once they message"
                        + " the Page)"), policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofDays(2))).privateNow(commentOnly,
                        wrote(commentOnly, Set.of("10"), comment("10", WROTE))));
        assertEquals(Optional.empty(), policy(COMMENTS_ONLY, 1, WROTE).privateNow(c, both), "no private messages: nothing");
        assertEquals(Optional.empty(), new ReplyPolicy(SampleChannels.BOTH).privateNow(c, both),
                "no window (X): nothing changes with time, nothing to show");
    }

    @Test
    void aCommentIsAnsweredPrivatelyOnceWithinSevenDaysAndThenNoMore() {
        Conversation c = conversation();
        ReplyPolicy twoDaysOn = policy(MESSENGER_LIKE, 1, WROTE.plus(Duration.ofDays(2)));
        Participants commented = wrote(c, Set.of(), comment("10", WROTE));
        OutboundPost privateReply = twoDaysOn.compose(reply("Which order?", ReplyVisibility.PRIVATE), c, List.of(), commented)
                .get(0);
        assertEquals("10", privateReply.inReplyToMessageId(), "sent to the comment");
        assertTrue(privateReply.answersCommentPrivately());
        assertEquals(null, privateReply.tag());
        assertTrue(twoDaysOn.directMessageClosed(c).isPresent(), "a survey never uses the comment's one private reply");

        List<OutboundPost> moved = twoDaysOn.compose(reply("Which order?", ReplyVisibility.TO_PRIVATE), c, List.of(), commented);
        assertEquals(2, moved.size());
        assertEquals(ReplyVisibility.PUBLIC, moved.get(0).visibility());
        assertEquals("10", moved.get(1).inReplyToMessageId(), "Move to private: the acknowledgement, then the private reply");
        assertEquals("We want to fix this. We've sent you a DM.", moved.get(0).text(),
                "under the comment, without the template's @{handle}: people there have names, not handles");
        assertEquals("On it", twoDaysOn.compose(reply("On it", ReplyVisibility.PUBLIC), c, List.of(), commented).get(0).text(),
                "a public reply sits under the comment and mentions nobody");

        Participants used = wrote(c, Set.of("10"), comment("10", WROTE));
        ReplyRefusedException once = assertThrows(ReplyRefusedException.class,
                () -> twoDaysOn.compose(reply("And the address?", ReplyVisibility.PRIVATE), c, List.of(), used));
        assertTrue(once.getMessage().contains("@alice has not written privately here")
                && once.getMessage().contains("their comment 10 was already answered privately, which X allows once")
                && once.getMessage().endsWith("then answer privately once they write."), once.getMessage());
        assertThrows(ReplyRefusedException.class,
                () -> twoDaysOn.compose(reply("And the address?", ReplyVisibility.TO_PRIVATE), c, List.of(), used),
                "refused before the public acknowledgement too");

        Participants newer = wrote(c, Set.of("10"), comment("10", WROTE), comment("11", WROTE.plus(Duration.ofDays(1))));
        assertEquals("11", twoDaysOn.compose(reply("And the address?", ReplyVisibility.PRIVATE), c, List.of(), newer).get(0)
                .inReplyToMessageId(), "a later comment has its own private reply");

        ReplyRefusedException old = assertThrows(ReplyRefusedException.class, () -> policy(MESSENGER_LIKE, 1,
                WROTE.plus(Duration.ofDays(7)).plusSeconds(1)).compose(reply("Which order?", ReplyVisibility.PRIVATE), c,
                List.of(), commented));
        assertTrue(old.getMessage().contains("older than the 7 days"), old.getMessage());
    }

    @Test
    void onACommentOnlyNetworkPrivateRepliesAreRefusedAndFollowUpsAreToldWhy() {
        ReplyPolicy policy = policy(COMMENTS_ONLY, 1, WROTE);
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply("Here is your code", ReplyVisibility.PRIVATE), conversation()));
        assertEquals("Nothing was sent: X has no private messages; reply publicly.", e.getMessage());
        assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply("DM us", ReplyVisibility.TO_PRIVATE), conversation()));
        assertEquals(Optional.of("X has no private messages for the brand"), policy.directMessageClosed(conversation()));
        assertEquals("@alice On it", policy.compose(reply("On it", ReplyVisibility.PUBLIC), conversation()).get(0).text());
    }

    @Test
    void aNetworkWithoutThreadsRefusesALongReplyEvenWhenThreadsAreAllowed() {
        ReplyPolicy policy = policy(COMMENTS_ONLY, 4, WROTE);
        String text = "word ".repeat(20).strip();
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply(text, ReplyVisibility.PUBLIC), conversation()));
        assertEquals("The public reply is 106 characters as X counts them (links count 23); the limit is 60. Shorten it"
                + " by 46 or send it as Private.", e.getMessage());
    }

    @Test
    void onAMessagingOnlyNetworkAPublicReplyIsRefusedAndPrivateOnesCountItsWay() {
        ReplyPolicy policy = policy(MESSAGES_ONLY, 1, WROTE);
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply("On it", ReplyVisibility.PUBLIC), conversation()));
        assertEquals("Nothing was sent: X has no public replies; send the reply as Private.", e.getMessage());
        assertEquals(List.of("日".repeat(50)), policy.compose(reply("日".repeat(50), ReplyVisibility.PRIVATE), conversation())
                .stream().map(OutboundPost::text).toList(), "code points: 50 CJK characters fit where X would count 100");
        assertThrows(ReplyRefusedException.class,
                () -> policy.compose(reply("日".repeat(51), ReplyVisibility.PRIVATE), conversation()));
    }

    @Test
    void theMoveToPrivateTemplateMustFitEveryRunningChannelWithItsLongestHandles() {
        String template = "@{handle} " + "a".repeat(39); // 1 + 20 + 1 + 39 = 61 on the comment-only network
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MoveToPrivate.of(template,
                Channels.of(new SampleChannels.Described(Network.X, COMMENTS_ONLY.receives(),
                        COMMENTS_ONLY.publicReplies(), MESSAGES_ONLY.privateMessages(), Duplicates.IDEMPOTENCY_KEY,
                        HANDLES))));
        assertEquals("The Move to private template is 61 characters on X with 20-character handles; the limit is 60."
                + " Shorten it by 1.", e.getMessage());
        MoveToPrivate.of(template, Channels.of(COMMENTS_ONLY)); // no private messages there: never posted
    }
}
