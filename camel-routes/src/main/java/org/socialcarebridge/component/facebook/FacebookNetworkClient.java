package org.socialcarebridge.component.facebook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphLookUp;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.ReplyVisibility;
import org.socialcarebridge.component.Posting;

/**
 * The domain's port to a Facebook Page: posts go through {@code facebook:post} ({@link FacebookProducer}),
 * comments are hidden through the Graph API. The Graph API has no idempotency key, so a post whose answer
 * never came is looked up ({@link #findPosted}) before it is sent again: the Page's replies under the
 * comment, the conversation a private reply opened, or the Messenger conversation with the recipient.
 */
public final class FacebookNetworkClient implements NetworkClient {

    private final GraphApi api;
    private final Posting posting;
    private final String pageId;

    /** Posts through the component's {@code facebook:post} producer, kept while the channel is attached. */
    public FacebookNetworkClient(FacebookComponent component) {
        this.api = component.api();
        this.posting = component.posting();
        this.pageId = component.getConfiguration().getPageId();
    }

    @Override
    public Network network() {
        return FacebookChannel.FACEBOOK;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return posting.post(post, idempotencyKey);
    }

    @Override
    public void hide(String messageId, boolean hidden) {
        api.hideComment(messageId, hidden);
    }

    /**
     * The Page's messages since {@code since} that are this post, oldest first: for a public reply, the
     * Page's comments with the same text in the comment's thread; for the private reply to a comment, the
     * Page's messages with the same text in the conversation it opened; for a Messenger message, the Page's
     * messages with the same text in the conversation with the recipient.
     */
    @Override
    public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
        Instant from = since.truncatedTo(ChronoUnit.SECONDS); // Graph's times have whole seconds
        if (post.visibility() == ReplyVisibility.PUBLIC) {
            return repliesLike(post.inReplyToMessageId(), post.text(), from);
        }
        if (post.answersCommentPrivately()) {
            String conversation = api.comment(post.inReplyToMessageId()).path("private_reply_conversation").path("id").asText("");
            return conversation.isEmpty() ? List.of() : messagesLike(conversation, post.text(), from);
        }
        String conversation = GraphLookUp.conversationWith(after -> api.conversations(from, after),
                "Facebook: conversations since " + from, post.recipientAccountId());
        return conversation == null ? List.of() : messagesLike(conversation, post.text(), from);
    }

    /**
     * Facebook threads one level deep: a reply to a reply lands under the top-level comment, so that is the
     * thread looked through.
     */
    private List<PostedMessage> repliesLike(String inReplyTo, String text, Instant since) {
        JsonNode comment = api.comment(inReplyTo);
        String parent = comment.path("parent").path("id").asText("");
        String thread = parent.isEmpty() || parent.equals(comment.path("post_id").asText("")) ? inReplyTo : parent;
        List<PostedMessage> found = new ArrayList<>();
        GraphLookUp.walk(after -> api.comments(thread, after), "Facebook: comments under " + thread, c -> {
            if (GraphLookUp.sentBy(c, pageId, "message", "created_time", text, since)) {
                found.add(new PostedMessage(c.path("id").asText(), FacebookUrls.comment(c.path("id").asText())));
            }
            return true; // oldest first: the whole thread is read
        });
        return found;
    }

    private List<PostedMessage> messagesLike(String conversation, String text, Instant since) {
        return GraphLookUp.messagesLike(after -> api.messages(conversation, after), "Facebook: messages of conversation "
                + conversation, pageId, text, since).stream()
                .map(id -> new PostedMessage(id, FacebookUrls.inbox(pageId))).toList();
    }
}
