package org.socialcarebridge.component.instagram;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.Posting;
import org.socialcarebridge.component.graph.GraphLookUp;

/**
 * The domain's port to an Instagram professional account: posts go through {@code instagram:post}
 * ({@link InstagramProducer}), comments are hidden through the Graph API. Without an idempotency key, a post
 * whose answer never came is looked up ({@link #findPosted}) before it is sent again: the account's replies
 * among the media's comments, or its messages in the conversation with the recipient.
 */
public final class InstagramNetworkClient implements NetworkClient {
    private final InstagramApi api;
    private final Posting posting;
    private final String accountId;
    private final String inbox;

    /** Posts through the component's {@code instagram:post} producer, kept while the channel is attached. */
    public InstagramNetworkClient(InstagramComponent component) {
        this.api = component.api();
        this.posting = component.posting();
        this.accountId = component.getConfiguration().getAccountId();
        this.inbox = InstagramUrls.inbox(component.getConfiguration().getPageId());
    }

    @Override
    public Network network() {
        return InstagramChannel.INSTAGRAM;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return posting.post(post, idempotencyKey);
    }

    /** Only comments on the brand's own media can be hidden; a mention is on someone else's. */
    @Override
    public void hide(String messageId, boolean hidden) {
        if (InstagramMessages.Mention.of(messageId) != null) {
            throw new PostRejectedException("Instagram comment " + messageId + " mentions the account on someone else's"
                    + " media: only comments on the account's own media can be hidden; report it in the Instagram app"
                    + " instead");
        }
        api.hideComment(messageId, hidden);
    }

    /**
     * The account's messages since {@code since} that are this post, oldest first: for a public reply, the
     * account's comments with the same text in the comment's thread on its media; for a private one, the
     * account's messages with the same text in the conversation with the recipient (a private reply to a
     * comment opens that conversation too).
     */
    @Override
    public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
        Instant from = since.truncatedTo(ChronoUnit.SECONDS); // Graph's times have whole seconds
        if (post.visibility() == ReplyVisibility.PUBLIC) {
            InstagramMessages.Mention mention = InstagramMessages.Mention.of(post.inReplyToMessageId());
            if (mention != null) {
                // The reply sits on someone else's media, whose comments the account may not read.
                throw new NetworkUnavailableException("Instagram cannot say whether the reply to the mention "
                        + mention.commentId() + " tried at " + since + " was posted: the account cannot read the"
                        + " comments on someone else's media; it is not posted again unchecked");
            }
            JsonNode comment = api.comment(post.inReplyToMessageId());
            // Instagram threads one level deep: a reply to a reply sits under the top-level comment.
            String parent = comment.path("parent_id").asText("");
            return repliesLike(parent.isEmpty() ? post.inReplyToMessageId() : parent, post.text(), from);
        }
        String recipient = post.recipientAccountId();
        String conversation = recipient == null ? null
                : GraphLookUp.conversationWith(api::conversations, "Instagram: conversations", recipient);
        return conversation == null ? List.of() : GraphLookUp.messagesLike(after -> api.messages(conversation, after),
                "Instagram: messages of conversation " + conversation, accountId, post.text(), from).stream()
                .map(id -> new PostedMessage(id, inbox)).toList();
    }

    private List<PostedMessage> repliesLike(String thread, String text, Instant since) {
        List<PostedMessage> found = new ArrayList<>();
        GraphLookUp.walk(after -> api.replies(thread, after), "Instagram: replies to comment " + thread, c -> {
            if (GraphLookUp.sentBy(c, accountId, "text", "timestamp", text, since)) {
                found.add(new PostedMessage(c.path("id").asText(), inbox));
            }
            return true;
        });
        return found;
    }

}
