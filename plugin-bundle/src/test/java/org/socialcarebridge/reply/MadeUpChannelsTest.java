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
                    null, Duration.ofDays(7))),
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
                () -> late.compose(reply("Here is your code", ReplyVisibility.PRIVATE), conversation()));
        assertTrue(e.getMessage().contains("only within 24h of that (after it, only a template the network approved)"),
                e.getMessage());
        assertTrue(late.directMessageClosed(conversation()).orElseThrow().contains("within 24h"));

        ReplyPolicy inTime = policy(WINDOWED, 1, WROTE.plus(Duration.ofHours(23)));
        assertEquals(Optional.empty(), inTime.directMessageClosed(conversation()));
        OutboundPost dm = inTime.compose(reply("Here is your code", ReplyVisibility.PRIVATE), conversation()).get(0);
        assertEquals("Here is your code", dm.text(), "addressed to the account, no mention added");
        assertEquals("2001", dm.recipientAccountId());
    }

    @Test
    void anAdministratorsWindowOverridesTheChannels() {
        ReplyPolicy longer = new ReplyPolicy(Channels.of(WINDOWED), new SensitiveDataGuard(GuardSettings.defaults()),
                Signature.of(Signature.OFF), MoveToPrivate.standard(), 1, Map.of(Network.X, Duration.ofHours(48)),
                Clock.fixed(WROTE.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), longer.directMessageClosed(conversation()));
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
