package org.socialcarebridge.component.mastodon;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.SocialCareHeaders;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.reply.Handle;
import org.socialcarebridge.reply.Mentions;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.feed.ChannelProducer;

/**
 * {@code mastodon:post}: posts the body, an {@link OutboundPost}: a public reply is a public status in
 * the thread; a private one is a {@code direct} status that mentions the customer (the reply policy put
 * the mention first). Mastodon delivers a direct status to every account it mentions, so one that
 * mentions anyone besides its recipient is never sent (the reply policy refuses it first; this is the
 * last check before the network). The {@link SocialCareHeaders#IDEMPOTENCY_KEY} goes with the post, so a
 * retry after a lost answer is not a second post. Answers the {@link PostedMessage}.
 */
final class MastodonProducer extends ChannelProducer {
    private final MastodonApi api;

    MastodonProducer(MastodonEndpoint endpoint, MastodonApi api) {
        super(endpoint);
        this.api = api;
    }

    @Override
    protected PostedMessage post(OutboundPost post, String idempotencyKey) {
        boolean isPublic = post.visibility() == ReplyVisibility.PUBLIC;
        if (!isPublic) {
            onlyToItsRecipient(post);
        }
        JsonNode status = api.postStatus(post.text(), isPublic ? post.inReplyToMessageId() : null,
                isPublic ? "public" : "direct", idempotencyKey);
        String id = status.path("id").asText(null);
        if (id == null) {
            throw new PostRejectedException("Mastodon accepted the status but answered no id: " + status);
        }
        return new PostedMessage(id, status.path("url").asText(null));
    }

    /** A direct status reaches one account: its recipient, or (recipient unknown) the one it mentions first. */
    private static void onlyToItsRecipient(OutboundPost post) {
        Handle recipient = post.recipientHandle() != null ? Handle.parse(post.recipientHandle())
                : Mentions.inMastodonStatus(post.text()).stream().findFirst().orElse(null);
        List<Handle> others = recipient == null ? List.of() : Mentions.othersInMastodonStatus(post.text(), recipient);
        if (!others.isEmpty()) {
            throw new PostRejectedException("Not sent: this Mastodon direct status would also reach " + others.stream()
                    .map(Handle::toString).collect(Collectors.joining(", ")) + " besides " + recipient
                    + "; remove those @handles from the text, or reply publicly");
        }
    }
}
