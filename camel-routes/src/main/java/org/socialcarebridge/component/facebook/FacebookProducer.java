package org.socialcarebridge.component.facebook;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.feed.ChannelProducer;
import org.socialcarebridge.component.graph.GraphCall;

/**
 * {@code facebook:post}: sends exactly what the {@link OutboundPost} says, and answers the
 * {@link PostedMessage}. A public post is a reply under the comment it answers; a private post that
 * {@linkplain OutboundPost#answersCommentPrivately() answers a comment} is that comment's one private
 * reply ({@code recipient={"comment_id":…}}); any other private post is a Messenger message to the
 * customer's page-scoped id, with the post's {@linkplain OutboundPost#tag() tag} when it has one, after
 * marking their thread read (an agent is answering it). Whether it may be sent now (the window, the tag,
 * the once-only private reply) is the domain's decision, made before; Meta's refusals come back as the
 * domain's exceptions ({@link GraphApi}). The Graph API takes no idempotency key: the header is ignored,
 * and the outbox looks a post up ({@link FacebookNetworkClient#findPosted}) before sending it again.
 */
final class FacebookProducer extends ChannelProducer {
    private static final Logger LOG = LoggerFactory.getLogger(FacebookProducer.class);

    private final GraphApi api;
    private final String pageId;

    FacebookProducer(FacebookEndpoint endpoint, GraphApi api, String pageId) {
        super(endpoint);
        this.api = api;
        this.pageId = pageId;
    }

    @Override
    protected PostedMessage post(OutboundPost post, String idempotencyKey) {
        if (post.visibility() == ReplyVisibility.PUBLIC) {
            String id = api.replyToComment(post.inReplyToMessageId(), post.text());
            return new PostedMessage(id, FacebookUrls.comment(id));
        }
        if (post.answersCommentPrivately()) {
            return message(api.privateReply(post.inReplyToMessageId(), post.text()), "private reply to comment "
                    + post.inReplyToMessageId());
        }
        markSeen(post.recipientAccountId());
        return message(api.sendMessage(post.recipientAccountId(), post.text(), post.tag()), "Messenger message");
    }

    /** The read receipt is a courtesy: a failure of it never holds back the answer. */
    private void markSeen(String psid) {
        try {
            api.markSeen(psid);
        } catch (RuntimeException e) {
            LOG.warn("Facebook: could not mark the Messenger thread of {} as read before answering; the answer goes out"
                    + " all the same: {}", psid, e.getMessage());
        }
    }

    private PostedMessage message(JsonNode answer, String what) {
        return new PostedMessage(GraphCall.messageId(answer, "Facebook " + what), FacebookUrls.inbox(pageId));
    }
}
