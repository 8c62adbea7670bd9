package org.socialcarebridge.routes.mastodon;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.network.NetworkClient;
import org.socialcarebridge.network.PostedMessage;
import org.socialcarebridge.network.PostRejectedException;
import org.socialcarebridge.reply.OutboundPost;
import org.socialcarebridge.reply.ReplyVisibility;

/**
 * Posts the brand's replies on Mastodon: a public reply is a public status in the thread; a private
 * one is a {@code direct} status that mentions the customer (the reply policy put the mention first).
 * Every post carries the reply's idempotency key, so a retry after a lost answer is not a second post.
 */
public final class MastodonNetworkClient implements NetworkClient {
    private final MastodonApi api;

    public MastodonNetworkClient(MastodonApi api) {
        this.api = api;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        boolean isPublic = post.visibility() == ReplyVisibility.PUBLIC;
        JsonNode status = api.postStatus(post.text(), isPublic ? post.inReplyToMessageId() : null,
                isPublic ? "public" : "direct", idempotencyKey);
        String id = status.path("id").asText(null);
        if (id == null) {
            throw new PostRejectedException("Mastodon accepted the status but answered no id: " + status);
        }
        return new PostedMessage(id, status.path("url").asText(null));
    }
}
