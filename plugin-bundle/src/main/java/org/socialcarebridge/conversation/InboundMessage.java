package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's post or direct message, normalised from any network. The text is untrusted content
 * from the internet: it is stored and forwarded as plain text only.
 *
 * @param inReplyToId    the network id of the message this one answers, or null
 * @param conversationId the network's id of the thread (X: conversation_id), or null
 */
public record InboundMessage(Network network, String messageId, SocialIdentity author, String text,
                             Instant createdAt, String inReplyToId, String conversationId,
                             Visibility visibility, String url) {
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

    /** The ledger key: unique per network and message id, which makes intake exactly once. */
    public String key() {
        return network.key() + ":" + messageId;
    }
}
