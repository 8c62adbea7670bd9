package org.socialcarebridge.component.x;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.feed.ChannelProducer;

/**
 * {@code x:post}: posts the body, an {@link OutboundPost}, as a reply in its thread (public) or a direct
 * message (private), and answers the {@link PostedMessage}. X has no idempotency key: the header is
 * ignored, and the outbox looks a post up ({@link XNetworkClient#findPosted}) before sending it again.
 * X's refusals are the domain's exceptions (rejected, unavailable, rate limited).
 */
final class XProducer extends ChannelProducer {
    private final XApi api;
    private final String brandHandle;

    XProducer(XEndpoint endpoint, XApi api, String brandHandle) {
        super(endpoint);
        this.api = api;
        this.brandHandle = brandHandle;
    }

    @Override
    protected PostedMessage post(OutboundPost post, String idempotencyKey) {
        return post.visibility() == ReplyVisibility.PUBLIC
                ? publicReply(post.inReplyToMessageId(), post.text())
                : directMessage(post.recipientAccountId(), post.text());
    }

    private PostedMessage publicReply(String inReplyToMessageId, String text) {
        JsonNode answer = api.postReply(inReplyToMessageId, text);
        String id = answer.path("data").path("id").asText(null);
        if (id == null) {
            throw new PostRejectedException("X accepted the reply but answered no tweet id: " + answer);
        }
        return new PostedMessage(id, "https://x.com/" + brandHandle + "/status/" + id);
    }

    private PostedMessage directMessage(String recipientAccountId, String text) {
        JsonNode answer = api.sendDirectMessage(recipientAccountId, text);
        String id = answer.path("data").path("dm_event_id").asText(null);
        if (id == null) {
            throw new PostRejectedException("X accepted the direct message but answered no dm_event_id: " + answer);
        }
        return new PostedMessage(id, "https://x.com/messages/" + answer.path("data").path("dm_conversation_id").asText(""));
    }
}
