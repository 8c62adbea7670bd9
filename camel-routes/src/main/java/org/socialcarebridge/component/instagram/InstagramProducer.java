package org.socialcarebridge.component.instagram;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.feed.ChannelProducer;
import org.socialcarebridge.component.graph.GraphCall;

/**
 * {@code instagram:post}: sends exactly what the {@link OutboundPost} says. A public post is a reply under
 * the comment it answers ({@code /{comment-id}/replies}), or, when that comment is a mention on someone
 * else's media, a reply through the account's mentions ({@code /{ig-id}/mentions}); a private post that
 * {@linkplain OutboundPost#answersCommentPrivately() answers a comment} is its one private reply
 * ({@code recipient.comment_id}); any other private post is a direct message with the post's
 * {@linkplain OutboundPost#tag() tag}, after marking the conversation seen. Whether it may be sent now is
 * the domain's decision (ReplyPolicy), made before. The Graph API takes no idempotency key: the outbox looks
 * a post up ({@link InstagramNetworkClient#findPosted}) before sending it again.
 */
final class InstagramProducer extends ChannelProducer {
    private static final Logger LOG = LoggerFactory.getLogger(InstagramProducer.class);

    private final InstagramApi api;
    private final String inbox;

    InstagramProducer(InstagramEndpoint endpoint, InstagramApi api, String pageId) {
        super(endpoint);
        this.api = api;
        this.inbox = InstagramUrls.inbox(pageId);
    }

    @Override
    protected PostedMessage post(OutboundPost post, String idempotencyKey) {
        InstagramMessages.Mention mention = InstagramMessages.Mention.of(post.inReplyToMessageId());
        if (post.visibility() == ReplyVisibility.PUBLIC) {
            String id = mention == null ? api.replyToComment(post.inReplyToMessageId(), post.text())
                    : api.replyToMention(mention.mediaId(), mention.commentId(), post.text());
            return new PostedMessage(id, inbox);
        }
        if (post.answersCommentPrivately()) {
            String commentId = mention == null ? post.inReplyToMessageId() : mention.commentId();
            return message(api.privateReply(commentId, post.text()), "private reply to comment " + commentId);
        }
        markSeen(post.recipientAccountId());
        return message(api.sendMessage(post.recipientAccountId(), post.text(), post.tag()), "direct message");
    }

    /** The read receipt is a courtesy: a failure of it never holds back the answer. */
    private void markSeen(String igsid) {
        try {
            api.markSeen(igsid);
        } catch (RuntimeException e) {
            LOG.warn("Instagram: could not mark the conversation with {} as seen before answering; the answer goes out"
                    + " all the same: {}", igsid, e.getMessage());
        }
    }

    private PostedMessage message(JsonNode answer, String what) {
        return new PostedMessage(GraphCall.messageId(answer, "Instagram " + what), inbox);
    }
}
