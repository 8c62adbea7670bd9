package org.socialcarebridge.component.mastodon;

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
 * Mastodon as the domain sees it: mentions polled from the notifications, direct statuses among them;
 * statuses of 500 code points (a link counts 23, a remote mention {@code @user@server} as
 * {@code @user}), threads mentioning in every part since a status reaches only whom it mentions; a
 * direct message is a status with direct visibility, so it addresses its recipient by mention and has
 * the status limit. Mastodon honours {@code Idempotency-Key}, so a retried post is never posted twice.
 */
public final class MastodonChannel implements Channel {
    public static final LengthRule LENGTH = new LengthRule(LengthRule.Counting.CODE_POINTS, 23, true);
    public static final int STATUS_LIMIT = 500;
    /** Mastodon's local usernames have at most 30 characters. */
    static final int LONGEST_HANDLE = 30;

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Set<Inbound> receives() {
        return Set.of(Inbound.polled(Inbound.Kind.MENTION), Inbound.polled(Inbound.Kind.DIRECT_MESSAGE));
    }

    @Override
    public Optional<PublicReplies> publicReplies() {
        return Optional.of(new PublicReplies(STATUS_LIMIT, LENGTH, PublicReplies.Threads.MENTIONS_IN_EVERY_PART));
    }

    @Override
    public Optional<PrivateMessages> privateMessages() {
        return Optional.of(new PrivateMessages(STATUS_LIMIT, LENGTH, PrivateMessages.Addressing.MENTION, null, false,
                null, null));
    }

    @Override
    public Duplicates duplicates() {
        return Duplicates.IDEMPOTENCY_KEY;
    }

    /** A profile's address is on the account's own server, which the network gives with each account. */
    @Override
    public Identities identities() {
        return new Identities(LONGEST_HANDLE, true, null);
    }
}
