package org.socialcarebridge.component.x;

import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Duplicates;
import org.socialcarebridge.channel.Identities;
import org.socialcarebridge.channel.Inbound;
import org.socialcarebridge.channel.LengthRule;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.channel.PublicReplies;

/**
 * X as the domain sees it: mentions and direct messages polled; public replies of 280 characters as
 * twitter-text v3 weighs them (a link counts 23, its t.co length), threads mentioning only in their
 * first part; direct messages of 10,000 with no messaging window. X has no idempotency key, so after an
 * unanswered post the brand's recent posts are looked up before posting again ({@code XNetworkClient}).
 */
public final class XChannel implements Channel {
    public static final LengthRule LENGTH = new LengthRule(LengthRule.Counting.WEIGHTED, 23, false);
    public static final int POST_LIMIT = 280;
    public static final int DIRECT_MESSAGE_LIMIT = 10_000;
    /** X handles have at most 15 characters. */
    static final int LONGEST_HANDLE = 15;

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public Set<Inbound> receives() {
        return Set.of(Inbound.polled(Inbound.Kind.MENTION), Inbound.polled(Inbound.Kind.DIRECT_MESSAGE));
    }

    @Override
    public Optional<PublicReplies> publicReplies() {
        return Optional.of(new PublicReplies(POST_LIMIT, LENGTH, PublicReplies.Threads.MENTIONS_IN_FIRST_PART));
    }

    @Override
    public Optional<PrivateMessages> privateMessages() {
        return Optional.of(PrivateMessages.toAccount(DIRECT_MESSAGE_LIMIT, LENGTH));
    }

    @Override
    public Duplicates duplicates() {
        return Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN;
    }

    @Override
    public Identities identities() {
        return new Identities(LONGEST_HANDLE, false, "https://x.com/{handle}");
    }
}
