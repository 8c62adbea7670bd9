package org.socialcarebridge.network;

import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.reply.OutboundPost;

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
     * Whether the brand can message a customer privately on this network; a survey or check-in is never
     * sent in public, so on a public-only network they are recorded as not sent.
     */
    default boolean sendsPrivateMessages() {
        return true;
    }
}
