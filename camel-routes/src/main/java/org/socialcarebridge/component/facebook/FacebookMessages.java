package org.socialcarebridge.component.facebook;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;

/**
 * Maps Facebook comments and Messenger messages to domain messages, in both shapes Meta gives them: the
 * {@code page} webhook's (a feed change of item {@code comment}, a Messenger {@code message} event) and
 * the Graph API's reads that recovery uses ({@code GET /{post-id}/comments}, {@code GET
 * /{conversation-id}/messages}). Both shapes of one comment or message give the same message: the same
 * ledger key, conversation, author and link, so whichever arrives second is a duplicate. Every field is
 * internet content: cut to its column here, with a remark that keeps it in full. An item that is no
 * message (no id, an impossible one) is refused with an IllegalArgumentException naming the field, which
 * the caller keeps as a dead letter.
 */
final class FacebookMessages {
    private FacebookMessages() {
    }

    /**
     * A comment, from a feed change's {@code value}. One conversation per commenter and post: the
     * conversation id is {@code <post_id>:<from.id>}, so two people under one post are two tickets and
     * a person's later comments under it (replies to the Page's answer included) join theirs. The comment
     * it answers is deliberately not the message's parent: the intake would put a reply to someone else's
     * comment on that other person's ticket.
     */
    static InboundMessage comment(JsonNode value) {
        return comment(value, null);
    }

    /** @param postText the text of the post it is under, quoted for context, or null */
    static InboundMessage comment(JsonNode value, String postText) {
        JsonNode created = value.path("created_time");
        Instant createdAt = created.canConvertToLong() ? Instant.ofEpochSecond(created.asLong()) : null;
        String postId = GraphCall.required(value, "post_id");
        return comment(GraphCall.required(value, "comment_id"), postId, value.path("from"), value.path("message").asText(""),
                createdAt, created.asText(""), value.path("post").path("permalink_url").asText(null), postText);
    }

    /**
     * A comment as the Graph API reads it under its post ({@code id}, {@code from}, {@code message},
     * {@code created_time} as {@code 2026-12-07T09:15:02+0000}).
     *
     * @param postId        the post it was read under (a Graph comment does not always name it)
     * @param postPermalink the post's {@code permalink_url}, or null
     */
    static InboundMessage comment(JsonNode comment, String postId, String postPermalink, String postText) {
        String created = comment.path("created_time").asText("");
        return comment(GraphCall.required(comment, "id"), postId, comment.path("from"), comment.path("message").asText(""),
                GraphCall.graphTime(created), created, postPermalink, postText);
    }

    /** How much of the post is quoted above a comment: enough to know what it answers. */
    static final int QUOTED = 500;

    private static InboundMessage comment(String commentId, String postId, JsonNode from, String text, Instant createdAt,
                                          String rawCreated, String postPermalink, String postText) {
        Remarks remarks = new Remarks();
        if (postText != null && !postText.isBlank()) {
            String quoted = postText.strip();
            if (quoted.codePointCount(0, quoted.length()) > QUOTED) {
                quoted = quoted.substring(0, quoted.offsetByCodePoints(0, QUOTED)) + "…";
            }
            remarks.add("On the Page's post: \"" + quoted + "\"");
        }
        SocialIdentity author = author(from, remarks);
        remarks.beyondNetworkLimit(FacebookChannel.FACEBOOK, "comment", text.codePointCount(0, text.length()),
                FacebookChannel.COMMENT_LIMIT);
        String permalink = postPermalink == null || postPermalink.isBlank() ? "https://www.facebook.com/" + postId : postPermalink;
        String url = permalink + (permalink.contains("?") ? "&" : "?") + "comment_id=" + commentId;
        return new InboundMessage(FacebookChannel.FACEBOOK, commentId, author, text, createdAt, null,
                postId + ":" + author.accountId(), Visibility.PUBLIC,
                remarks.fit("The comment's link", url, InboundMessage.URL_LENGTH), null,
                createdAt == null ? rawCreated : null, remarks.list());
    }

    /** A Messenger message event, its sender named by page-scoped id only. */
    static InboundMessage message(JsonNode event) {
        return message(event, null);
    }

    /**
     * A Messenger message event. The webhook names the sender by page-scoped id only.
     *
     * @param senderName the sender's name from the User Profile API, or null: the id stands for it
     */
    static InboundMessage message(JsonNode event, String senderName) {
        JsonNode message = event.path("message");
        JsonNode ts = event.path("timestamp");
        Instant createdAt = ts.canConvertToLong() ? Instant.ofEpochMilli(ts.asLong()) : null;
        return message(GraphCall.required(message, "mid"), GraphCall.required(event.path("sender"), "id"), senderName,
                message.path("text").asText(""), message.path("attachments"), createdAt, ts.asText(""));
    }

    /**
     * A Messenger message as the Graph API reads it in its conversation ({@code id} = the mid,
     * {@code from} with the sender's id and name, {@code message} = the text, {@code created_time}).
     */
    static InboundMessage graphMessage(JsonNode message) {
        String created = message.path("created_time").asText("");
        String name = message.path("from").path("name").asText("").strip();
        return message(GraphCall.required(message, "id"), GraphCall.required(message.path("from"), "id"), name.isEmpty() ? null : name,
                message.path("message").asText(""), message.path("attachments"), GraphCall.graphTime(created), created);
    }

    private static InboundMessage message(String mid, String psid, String name, String text, JsonNode attachments,
                                          Instant createdAt, String rawCreated) {
        Remarks remarks = new Remarks();
        // Facebook shows people by name; without one the page-scoped id stands for it.
        SocialIdentity author = new SocialIdentity(FacebookChannel.FACEBOOK, psid,
                name == null ? psid : remarks.fit("The name", name, SocialIdentity.HANDLE_LENGTH),
                name == null ? null : remarks.fit("The name", name, SocialIdentity.NAME_LENGTH), null, 0, false);
        // The webhook lists attachments as [{type}], the Graph read as {data: [{mime_type}]}.
        JsonNode list = attachments.isArray() ? attachments : attachments.path("data");
        if (text.isEmpty() && list.isArray() && !list.isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            for (JsonNode a : list) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(a.path("type").asText(a.path("mime_type").asText("file")));
            }
            // Attachments are not fetched here: the agent at least sees that something was sent.
            text = "[The customer sent " + kinds + " in Messenger; open the conversation on the Page to see it]";
        }
        remarks.beyondNetworkLimit(FacebookChannel.FACEBOOK, "Messenger message", text.codePointCount(0, text.length()),
                FacebookChannel.MESSENGER_LIMIT);
        return new InboundMessage(FacebookChannel.FACEBOOK, mid, author, text, createdAt, null, null, Visibility.PRIVATE,
                null, null, createdAt == null ? rawCreated : null, remarks.list());
    }

    private static SocialIdentity author(JsonNode from, Remarks remarks) {
        String id = GraphCall.required(from, "id");
        String name = from.path("name").asText("");
        return new SocialIdentity(FacebookChannel.FACEBOOK, id,
                remarks.fit("The name", name.isBlank() ? id : name, SocialIdentity.HANDLE_LENGTH),
                remarks.fit("The name", name.isBlank() ? null : name, SocialIdentity.NAME_LENGTH), null, 0, false);
    }
}
