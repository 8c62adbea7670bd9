package org.socialcarebridge.channel;

import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.channel.Inbound.Kind;
import org.socialcarebridge.channel.LengthRule.Counting;
import org.socialcarebridge.channel.PublicReplies.Threads;

/**
 * X-like and Mastodon-like channel descriptions with the real networks' numbers, so the domain's tests
 * keep their assertions without the Camel side. camel-routes' {@code ChannelDescriptionsTest} checks
 * that its {@code XChannel} and {@code MastodonChannel} answer exactly this, so the two cannot drift.
 */
public final class SampleChannels {
    public static final LengthRule X_LENGTH = new LengthRule(Counting.WEIGHTED, 23, false);
    public static final LengthRule MASTODON_LENGTH = new LengthRule(Counting.CODE_POINTS, 23, true);

    public static final Channel X = new Described(Network.X,
            Set.of(Inbound.polled(Kind.MENTION), Inbound.polled(Kind.DIRECT_MESSAGE)),
            Optional.of(new PublicReplies(280, X_LENGTH, Threads.MENTIONS_IN_FIRST_PART)),
            Optional.of(PrivateMessages.toAccount(10_000, X_LENGTH)),
            Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN, new Identities(15, false, "https://x.com/{handle}"));

    public static final Channel MASTODON = new Described(Network.MASTODON,
            Set.of(Inbound.polled(Kind.MENTION), Inbound.polled(Kind.DIRECT_MESSAGE)),
            Optional.of(new PublicReplies(500, MASTODON_LENGTH, Threads.MENTIONS_IN_EVERY_PART)),
            Optional.of(new PrivateMessages(500, MASTODON_LENGTH, PrivateMessages.Addressing.MENTION, null, false, null, null)),
            Duplicates.IDEMPOTENCY_KEY, new Identities(30, true, null));

    /** Both networks running, as in the shipped configuration. */
    public static final Channels BOTH = Channels.of(X, MASTODON);

    private SampleChannels() {
    }

    /** A channel as plain values: the samples above, and made-up networks in tests of the SPI. */
    public record Described(Network network, Set<Inbound> receives, Optional<PublicReplies> publicReplies,
                            Optional<PrivateMessages> privateMessages, Duplicates duplicates, Identities identities)
            implements Channel {
    }
}
