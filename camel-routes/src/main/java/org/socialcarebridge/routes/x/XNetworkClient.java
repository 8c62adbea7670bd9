package org.socialcarebridge.routes.x;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.network.NetworkClient;
import org.socialcarebridge.network.PostedMessage;
import org.socialcarebridge.network.PostRejectedException;
import org.socialcarebridge.reply.OutboundPost;
import org.socialcarebridge.reply.ReplyVisibility;

/**
 * Posts the brand's replies on X: public replies as tweets in the thread, private ones as DMs. X has
 * no idempotency header; the outbox's POSTING state guards against double posts instead.
 */
public final class XNetworkClient implements NetworkClient {
    private final XApi api;
    private final String brandHandle;

    public XNetworkClient(XApi api, String brandHandle) {
        this.api = api;
        this.brandHandle = brandHandle;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return post.visibility() == ReplyVisibility.PUBLIC
                ? publicReply(post.inReplyToMessageId(), post.text())
                : directMessage(post.recipientAccountId(), post.text());
    }

    PostedMessage publicReply(String inReplyToMessageId, String text) {
        JsonNode answer = api.postReply(inReplyToMessageId, text);
        String id = answer.path("data").path("id").asText(null);
        if (id == null) {
            throw new PostRejectedException("X accepted the reply but answered no tweet id: " + answer);
        }
        return new PostedMessage(id, "https://x.com/" + brandHandle + "/status/" + id);
    }

    PostedMessage directMessage(String recipientAccountId, String text) {
        JsonNode answer = api.sendDirectMessage(recipientAccountId, text);
        String id = answer.path("data").path("dm_event_id").asText(null);
        if (id == null) {
            throw new PostRejectedException("X accepted the direct message but answered no dm_event_id: " + answer);
        }
        return new PostedMessage(id, "https://x.com/messages/" + answer.path("data").path("dm_conversation_id").asText(""));
    }
}
