package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's post or direct message, normalised from any network. The text is untrusted content
 * from the internet: it is stored and forwarded as plain text only.
 *
 * @param inReplyToId    the network id of the message this one answers, or null
 * @param conversationId the network's id of the thread (X: conversation_id), or null
 * @param noTicketReason why the message is recorded but never becomes a ticket (a retweet of the
 *                       brand's post), or null for a message that needs an answer
 */
public record InboundMessage(Network network, String messageId, SocialIdentity author, String text,
                             Instant createdAt, String inReplyToId, String conversationId,
                             Visibility visibility, String url, String noTicketReason) {
    public InboundMessage {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("An inbound message needs the network's message id");
        }
        text = text == null ? "" : text;
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    /** A message that needs an answer. */
    public InboundMessage(Network network, String messageId, SocialIdentity author, String text, Instant createdAt,
                          String inReplyToId, String conversationId, Visibility visibility, String url) {
        this(network, messageId, author, text, createdAt, inReplyToId, conversationId, visibility, url, null);
    }

    /** The same message, recorded for the record only. */
    public InboundMessage recordedOnly(String reason) {
        return new InboundMessage(network, messageId, author, text, createdAt, inReplyToId, conversationId, visibility,
                url, reason);
    }

    /** The ledger key: unique per network and message id, which makes intake exactly once. */
    public String key() {
        return network.key() + ":" + messageId;
    }
}
