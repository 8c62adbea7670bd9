package org.socialcarebridge.component.facebook;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;

/**
 * Maps the entries of Meta's {@code page} webhook to domain messages: a feed change of item
 * {@code comment} and a Messenger {@code message} event. Every field is internet content: cut to its
 * column here, with a remark that keeps it in full. An entry that is no message (no id, an impossible
 * one) is refused with an IllegalArgumentException naming the field, which the handler keeps as a dead
 * letter.
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
        String commentId = required(value, "comment_id");
        String postId = required(value, "post_id");
        Remarks remarks = new Remarks();
        SocialIdentity author = author(value.path("from"), remarks);
        String text = value.path("message").asText("");
        remarks.beyondNetworkLimit(FacebookChannel.FACEBOOK, "comment", text.codePointCount(0, text.length()),
                FacebookChannel.COMMENT_LIMIT);
        JsonNode created = value.path("created_time");
        Instant createdAt = created.canConvertToLong() ? Instant.ofEpochSecond(created.asLong()) : null;
        String permalink = value.path("post").path("permalink_url").asText("https://www.facebook.com/" + postId);
        String url = permalink + (permalink.contains("?") ? "&" : "?") + "comment_id=" + commentId;
        return new InboundMessage(FacebookChannel.FACEBOOK, commentId, author, text, createdAt, null,
                postId + ":" + author.accountId(), Visibility.PUBLIC,
                remarks.fit("The comment's link", url, InboundMessage.URL_LENGTH), null,
                createdAt == null ? created.asText("") : null, remarks.list());
    }

    /**
     * A Messenger message event. The webhook names the sender by page-scoped id only; the name is the
     * User Profile API's, looked up when the ticket is filed (a later slice), so the id stands for it.
     */
    static InboundMessage message(JsonNode event) {
        JsonNode message = event.path("message");
        String mid = required(message, "mid");
        String psid = required(event.path("sender"), "id");
        Remarks remarks = new Remarks();
        SocialIdentity author = new SocialIdentity(FacebookChannel.FACEBOOK, psid, psid, null, null, 0, false);
        String text = message.path("text").asText("");
        if (text.isEmpty() && message.path("attachments").isArray()) {
            StringBuilder kinds = new StringBuilder();
            for (JsonNode a : message.path("attachments")) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(a.path("type").asText("file"));
            }
            // Attachments are not fetched here: the agent at least sees that something was sent.
            text = "[The customer sent " + kinds + " in Messenger; open the conversation on the Page to see it]";
        }
        remarks.beyondNetworkLimit(FacebookChannel.FACEBOOK, "Messenger message", text.codePointCount(0, text.length()),
                FacebookChannel.MESSENGER_LIMIT);
        JsonNode ts = event.path("timestamp");
        Instant createdAt = ts.canConvertToLong() ? Instant.ofEpochMilli(ts.asLong()) : null;
        return new InboundMessage(FacebookChannel.FACEBOOK, mid, author, text, createdAt, null, null, Visibility.PRIVATE,
                null, null, createdAt == null ? ts.asText("") : null, remarks.list());
    }

    private static SocialIdentity author(JsonNode from, Remarks remarks) {
        String id = required(from, "id");
        String name = from.path("name").asText("");
        return new SocialIdentity(FacebookChannel.FACEBOOK, id,
                remarks.fit("The name", name.isBlank() ? id : name, SocialIdentity.HANDLE_LENGTH),
                remarks.fit("The name", name.isBlank() ? null : name, SocialIdentity.NAME_LENGTH), null, 0, false);
    }

    /** A text field that must be there, e.g. a comment's {@code comment_id}. */
    static String required(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() && !v.isNumber() || v.asText().isBlank()) {
            throw new IllegalArgumentException("The field '" + field + "' is missing or empty (got " + v
                    + "); Meta sends it on every such entry, so this one is not readable as it is");
        }
        return v.asText();
    }
}
