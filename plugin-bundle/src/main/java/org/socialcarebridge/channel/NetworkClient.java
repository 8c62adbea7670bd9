package org.socialcarebridge.channel;

import java.time.Instant;
import java.util.List;

/**
 * The port to post on a social network. Implementations throw {@link RateLimitedException} on a rate
 * limit, {@link NetworkUnavailableException} on timeouts and 5xx (both retried later) and
 * {@link PostRejectedException} when the network refuses the post for good.
 */
public interface NetworkClient {

    Network network();

    /**
     * Posts a reply: a public one in the thread, answering {@link OutboundPost#inReplyToMessageId()},
     * or a private one to {@link OutboundPost#recipientAccountId()}.
     *
     * @param idempotencyKey the same for every attempt at the same reply, so a network that supports
     *                       it (Mastodon's {@code Idempotency-Key}) never posts it twice
     */
    PostedMessage post(OutboundPost post, String idempotencyKey);

    /**
     * The brand's posts made since {@code since} that are this post (the same thread or recipient, the
     * same text), oldest first. After a timeout, a 5xx or a crash mid-post, the network may hold the post
     * although no answer came: on a network without idempotency keys (X) the outbox looks it up before
     * posting again. The default suits a network that honours {@code idempotencyKey} (Mastodon): posting
     * again with the same key answers the first post, so there is nothing to look up.
     *
     * @throws NetworkUnavailableException when the network cannot be asked now; the caller asks again later
     */
    default List<PostedMessage> findPosted(OutboundPost post, Instant since) {
        return List.of();
    }

    /**
     * Hides a customer's public message on the brand's page from everyone but its author and their friends
     * ({@code hidden} true), or shows it again: moderation from the help desk. Only where the channel
     * declares {@link Channel#hidesComments()}.
     *
     * @throws PostRejectedException when the network refuses (the message is gone, the brand may not hide it)
     */
    default void hide(String messageId, boolean hidden) {
        throw new PostRejectedException(network().displayName() + " has no hiding of customers' comments; message "
                + messageId + " stays as it is");
    }
}
