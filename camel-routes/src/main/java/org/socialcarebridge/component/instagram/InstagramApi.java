package org.socialcarebridge.component.instagram;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The Graph API (v23.0) calls of an Instagram professional account, with the linked Page's token. The call,
 * Meta's errors, paging and times are {@link GraphCall}'s, as for Facebook.
 */
public final class InstagramApi {
    static final String COMMENT_FIELDS = "id,text,timestamp,username,from,media,parent_id,hidden";
    static final String MEDIA_COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id";
    static final String MESSAGE_FIELDS = "id,created_time,from,to,message";
    static final String PROFILE_FIELDS = "name,username,profile_pic,follower_count,is_verified_user";
    static final GraphCall.Product PRODUCT = GraphCall.Product.withPageToken("Instagram", "Instagram Direct",
            InstagramChannel.MESSAGE_LIMIT, InstagramSettings.FILE,
            "instagram_basic, instagram_manage_comments, instagram_manage_messages");

    private final GraphCall graph;
    private final String accountId;
    private final ObjectMapper json;

    public InstagramApi(HttpCall http, InstagramConfiguration configuration, ObjectMapper json) {
        this.graph = new GraphCall(http, json, configuration.getBaseUrl(), configuration.getPageToken(), PRODUCT);
        this.accountId = configuration.getAccountId();
        this.json = json;
    }

    /** One comment on the brand's media: text, author ({@code from}, {@code username}), media and parent. */
    public JsonNode comment(String commentId) {
        return graph.call("GET", "/" + HttpCall.encode(commentId) + "?fields=" + HttpCall.encode(COMMENT_FIELDS), null);
    }

    /**
     * The User Profile API: who is behind an Instagram-scoped id that wrote to the account ({@code name},
     * {@code username}, {@code profile_pic}, {@code follower_count}, {@code is_verified_user}).
     */
    public JsonNode profile(String igsid) {
        return graph.call("GET", "/" + HttpCall.encode(igsid) + "?fields=" + HttpCall.encode(PROFILE_FIELDS), null);
    }

    /** A comment that mentions the account on someone else's media, which the webhook names by id only. */
    public JsonNode mentionedComment(String commentId) {
        String fields = "mentioned_comment.comment_id(" + commentId + "){id,text,timestamp,username,from,media{id}}";
        return graph.call("GET", account() + "?fields=" + HttpCall.encode(fields), null).path("mentioned_comment");
    }

    /** A public reply under a comment on the brand's media; the new comment's id. */
    public String replyToComment(String commentId, String text) {
        return idOf(graph.call("POST", "/" + HttpCall.encode(commentId) + "/replies",
                json.createObjectNode().put("message", text)), "POST /" + commentId + "/replies");
    }

    /** A public reply to a comment that mentions the account on someone else's media; the new comment's id. */
    public String replyToMention(String mediaId, String commentId, String text) {
        return idOf(graph.call("POST", account() + "/mentions", json.createObjectNode().put("comment_id", commentId)
                .put("media_id", mediaId).put("message", text)), "POST /" + accountId + "/mentions");
    }

    /** Hides a comment on the brand's media from everyone but its author, or shows it again. */
    public void hideComment(String commentId, boolean hidden) {
        graph.call("POST", "/" + HttpCall.encode(commentId), json.createObjectNode().put("hide", hidden));
    }

    /**
     * A direct message to an Instagram-scoped id: {@code RESPONSE} inside the 24-hour window, {@code MESSAGE_TAG}
     * with {@code tag} ({@code HUMAN_AGENT}) when one is given. {@code {recipient_id, message_id}}.
     */
    public JsonNode sendMessage(String igsid, String text, String tag) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", igsid);
        body.putObject("message").put("text", text);
        body.put("messaging_type", tag == null ? "RESPONSE" : "MESSAGE_TAG");
        if (tag != null) {
            body.put("tag", tag);
        }
        return graph.call("POST", account() + "/messages", body);
    }

    /** The one private reply to a comment, sent to the comment: {@code {recipient_id, message_id}}. */
    public JsonNode privateReply(String commentId, String text) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("comment_id", commentId);
        body.putObject("message").put("text", text);
        return graph.call("POST", account() + "/messages", body);
    }

    /** Marks the customer's conversation as seen by the account. */
    public void markSeen(String igsid) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", igsid);
        body.put("sender_action", "mark_seen");
        graph.call("POST", account() + "/messages", body);
    }

    /** One page of the account's media, newest first: {@code data[]} of {@code {id, timestamp, caption, permalink}}. */
    public JsonNode media(String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", "id,timestamp,caption,permalink");
        return graph.call("GET", account() + "/media?" + GraphCall.paged(q, after), null);
    }

    /** One page of the top-level comments on a media (their replies: {@link #replies}). */
    public JsonNode comments(String mediaId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", MEDIA_COMMENT_FIELDS);
        return graph.call("GET", "/" + HttpCall.encode(mediaId) + "/comments?" + GraphCall.paged(q, after), null);
    }

    /** One page of the replies under a comment (Instagram threads one level deep; the media's list has none). */
    public JsonNode replies(String commentId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", MEDIA_COMMENT_FIELDS);
        return graph.call("GET", "/" + HttpCall.encode(commentId) + "/replies?" + GraphCall.paged(q, after), null);
    }

    /** One page of the account's Instagram conversations: {@code data[]} of {@code {id, updated_time, participants}}. */
    public JsonNode conversations(String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("platform", "instagram");
        q.put("fields", "id,updated_time,participants");
        return graph.call("GET", account() + "/conversations?" + GraphCall.paged(q, after), null);
    }

    /** One page of a conversation's messages, newest first, each with its {@code from} and {@code created_time}. */
    public JsonNode messages(String conversationId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", MESSAGE_FIELDS);
        return graph.call("GET", "/" + HttpCall.encode(conversationId) + "/messages?" + GraphCall.paged(q, after), null);
    }

    private String account() {
        return "/" + HttpCall.encode(accountId);
    }

    private static String idOf(JsonNode answer, String what) {
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new NetworkUnavailableException("Instagram " + what + " answered no id: " + answer);
        }
        return id;
    }
}
