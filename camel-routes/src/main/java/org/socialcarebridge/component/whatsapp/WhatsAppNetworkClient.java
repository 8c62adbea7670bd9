package org.socialcarebridge.component.whatsapp;

import java.time.Instant;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.component.Posting;

/**
 * The domain's port to a WhatsApp Business number: replies go through {@code whatsapp:post}
 * ({@link WhatsAppProducer}). WhatsApp hides nothing (there is nothing public) and cannot say afterwards
 * what it sent ({@link #findPosted}).
 */
public final class WhatsAppNetworkClient implements NetworkClient {
    private final Posting posting;

    /** Posts through the component's {@code whatsapp:post} producer, kept while the channel is attached. */
    public WhatsAppNetworkClient(WhatsAppComponent component) {
        this.posting = component.posting();
    }

    @Override
    public Network network() {
        return WhatsAppChannel.WHATSAPP;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return posting.post(post, idempotencyKey);
    }

    /**
     * WhatsApp lists no sent messages and takes no idempotency key, so whether an attempt without an answer
     * reached the customer cannot be told: always "cannot say", never "absent", so the outbox does not send it
     * again blind and, after its patience, leaves it to a human (who sees the customer's answer, or asks).
     */
    @Override
    public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
        throw new NetworkUnavailableException("WhatsApp cannot say whether the message to " + post.recipientAccountId()
                + " tried at " + since + " arrived: the Cloud API lists no sent messages; it is not sent again unchecked");
    }
}
