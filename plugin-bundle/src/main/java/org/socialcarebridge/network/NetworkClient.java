package org.socialcarebridge.network;

import org.socialcarebridge.conversation.Network;

/**
 * The port to post on a social network. Implementations throw {@link RateLimitedException} on a rate
 * limit, {@link NetworkUnavailableException} on timeouts and 5xx (both retried later) and
 * {@link PostRejectedException} when the network refuses the post for good.
 */
public interface NetworkClient {

    Network network();

    /** A public reply in the thread, answering the given message. */
    PostedMessage publicReply(String inReplyToMessageId, String text);

    /** A private direct message to the account. */
    PostedMessage directMessage(String recipientAccountId, String text);
}
