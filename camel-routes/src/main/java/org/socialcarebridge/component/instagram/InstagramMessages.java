package org.socialcarebridge.component.instagram;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;

/**
 * Maps Instagram comments, mentions and direct messages to domain messages, in the shapes of the
 * {@code instagram} webhook and of the Graph API's reads (a comment by id, a mentioned comment, a media's
 * comments, a conversation's messages). Both shapes of one item give the same ledger key, conversation and
 * author, so whichever arrives second is a duplicate. Every field is internet content: cut to its column,
 * with a remark that keeps it in full; an item without its ids is refused with an IllegalArgumentException
 * naming the field, which the caller keeps as a dead letter.
 * <p>
 * A mention (the brand's @username in a comment on someone else's media) is answered with both the media
 * and the comment id ({@code POST /{ig-id}/mentions}), so its message id carries both:
 * {@code mention:<media-id>:<comment-id>} ({@link Mention}).
 */
final class InstagramMessages {
    private InstagramMessages() {
    }

    /** A mention's message id: the media and comment a reply to it needs. */
    record Mention(String mediaId, String commentId) {
        static final String PREFIX = "mention:";

        String messageId() {
            return PREFIX + mediaId + ":" + commentId;
        }

        /** The mention a message id names, or null when it names a comment on the brand's own media. */
        static Mention of(String messageId) {
            if (messageId == null || !messageId.startsWith(PREFIX)) {
                return null;
            }
            String rest = messageId.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 1 || colon == rest.length() - 1) {
                throw new IllegalArgumentException("'" + messageId + "' is no Instagram mention id; it reads"
                        + " mention:<media-id>:<comment-id>");
            }
            return new Mention(rest.substring(0, colon), rest.substring(colon + 1));
        }
    }

    /**
     * A comment on the brand's media from a {@code comments} change's {@code value} (which has no time: the
     * entry's {@code time} stands for it). One conversation per commenter and media.
     */
    static InstagramComment webhookComment(JsonNode value, long entryTime) {
        JsonNode from = value.path("from");
        return new InstagramComment(GraphCall.required(value, "id"), GraphCall.required(value.path("media"), "id"), GraphCall.required(from, "id"),
                from.path("username").asText(""), value.path("text").asText(""),
                entryTime > 0 ? Instant.ofEpochSecond(entryTime) : null);
    }

    /**
     * A comment as the Graph API reads it ({@code timestamp} as {@code 2026-12-07T09:15:02+0000}; the
     * username in {@code from} or beside it).
     *
     * @param mediaId the media it was read under, or null to take the comment's {@code media.id}
     */
    static InstagramComment graphComment(JsonNode comment, String mediaId) {
        JsonNode from = comment.path("from");
        return new InstagramComment(GraphCall.required(comment, "id"), mediaId != null ? mediaId : GraphCall.required(comment.path("media"), "id"),
                GraphCall.required(from, "id"), from.path("username").asText(comment.path("username").asText("")),
                comment.path("text").asText(""), GraphCall.graphTime(comment.path("timestamp").asText("")));
    }

    /** A comment's parts as both shapes give them. */
    record InstagramComment(String id, String mediaId, String authorId, String username, String text, Instant createdAt) {
        /** On the brand's media. */
        InboundMessage onBrandMedia() {
            return message(id, "");
        }

        /** On someone else's media, mentioning the brand. */
        InboundMessage mention() {
            return message(new Mention(mediaId, id).messageId(), Mention.PREFIX);
        }

        private InboundMessage message(String messageId, String conversationPrefix) {
            Remarks remarks = new Remarks();
            SocialIdentity author = author(authorId, username.strip(), null, 0, false, remarks);
            remarks.beyondNetworkLimit(InstagramChannel.INSTAGRAM, "comment", text.codePointCount(0, text.length()),
                    InstagramChannel.COMMENT_LIMIT);
            return new InboundMessage(InstagramChannel.INSTAGRAM, messageId, author, text, createdAt, null,
                    conversationPrefix + mediaId + ":" + authorId, Visibility.PUBLIC, null, null, null, remarks.list());
        }
    }

    /**
     * A direct message event of the webhook, which names the sender by Instagram-scoped id only.
     *
     * @param sender who the User Profile API says the sender is, or null: the id stands for the username
     */
    static InboundMessage webhookMessage(JsonNode event, InstagramProfiles.Profile sender) {
        JsonNode message = event.path("message");
        JsonNode ts = event.path("timestamp");
        return message(GraphCall.required(message, "mid"), GraphCall.required(event.path("sender"), "id"), sender,
                message.path("text").asText(""), message.path("attachments"),
                ts.canConvertToLong() ? Instant.ofEpochMilli(ts.asLong()) : null);
    }

    /** A direct message as the Graph API reads it in its conversation ({@code from} with {@code username}). */
    static InboundMessage graphMessage(JsonNode message) {
        JsonNode from = message.path("from");
        String username = from.path("username").asText("").strip();
        return message(GraphCall.required(message, "id"), GraphCall.required(from, "id"),
                username.isEmpty() ? null : new InstagramProfiles.Profile(username, null, 0, false), message.path("message").asText(""), message.path("attachments"),
                GraphCall.graphTime(message.path("created_time").asText("")));
    }

    private static InboundMessage message(String mid, String igsid, InstagramProfiles.Profile sender, String text,
                                          JsonNode attachments, Instant createdAt) {
        Remarks remarks = new Remarks();
        // A direct message names its sender by id only; the id stands for the @username until one is known.
        SocialIdentity author = sender == null ? author(igsid, "", null, 0, false, remarks)
                : author(igsid, sender.username(), sender.name(), sender.followers(), sender.verified(), remarks);
        JsonNode list = attachments.isArray() ? attachments : attachments.path("data");
        if (text.isEmpty() && list.isArray() && !list.isEmpty()) {
            // Attachments are not fetched: the agent at least sees that something was sent.
            text = "[The customer sent an attachment on Instagram; open the conversation in the Instagram app to see it]";
        }
        remarks.beyondNetworkLimit(InstagramChannel.INSTAGRAM, "direct message", text.codePointCount(0, text.length()),
                InstagramChannel.MESSAGE_LIMIT);
        return new InboundMessage(InstagramChannel.INSTAGRAM, mid, author, text, createdAt, null, null, Visibility.PRIVATE,
                null, null, null, remarks.list());
    }

    /** One person as a comment and a direct message both file them: the @username, its profile, name and followers. */
    private static SocialIdentity author(String id, String username, String name, long followers, boolean verified,
                                         Remarks remarks) {
        return new SocialIdentity(InstagramChannel.INSTAGRAM, id,
                remarks.fit("The username", username.isEmpty() ? id : username, SocialIdentity.HANDLE_LENGTH),
                name == null ? null : remarks.fit("The name", name, SocialIdentity.NAME_LENGTH),
                username.isEmpty() ? null : profile(username), followers, verified);
    }

    /** The profile of a well-formed username; none for anything else (internet content never becomes a link as is). */
    private static String profile(String username) {
        return username.matches("[A-Za-z0-9._]{1," + InstagramChannel.LONGEST_USERNAME + "}")
                ? "https://www.instagram.com/" + username + "/" : null;
    }
}
