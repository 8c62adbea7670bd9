package org.socialcarebridge.component.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The Graph API (v23.0) calls of a Facebook Page; the call itself, Meta's errors as the domain's, paging
 * and times are {@link GraphCall}'s, shared with Instagram.
 */
public final class GraphApi {
    public static final String VERSION = GraphCall.VERSION;
    /** Where an administrator fixes a refused token. */
    static final String SETTINGS_FILE = FacebookSettings.FILE;
    /** When a throttled answer says nothing of when access comes back. */
    static final Duration DEFAULT_WAIT = GraphCall.DEFAULT_WAIT;
    static final String POST_FIELDS = "id,message,from,created_time,updated_time,permalink_url";
    static final String COMMENT_FIELDS = "id,message,from,created_time,parent,post_id,is_hidden,can_reply_privately,permalink_url";
    static final String MESSAGE_FIELDS = "id,created_time,from,to,message";
    static final int PAGE_SIZE = GraphCall.PAGE_SIZE;
    static final GraphCall.Product PRODUCT = GraphCall.Product.withPageToken("Facebook", "Messenger",
            FacebookChannel.MESSENGER_LIMIT, SETTINGS_FILE,
            "pages_messaging, pages_manage_engagement, pages_read_engagement");

    private final GraphCall graph;
    private final FacebookConfiguration configuration;
    private final ObjectMapper json;

    public GraphApi(HttpCall http, FacebookConfiguration configuration, ObjectMapper json) {
        this.graph = new GraphCall(http, json, configuration.getBaseUrl(), configuration.getPageToken(), PRODUCT);
        this.configuration = configuration;
        this.json = json;
    }

    /** The Page the token belongs to ({@code id}, {@code name}): {@code me} is the Page with a Page token. */
    public JsonNode page() {
        return call("GET", "/me?fields=id,name", null);
    }

    /** A public reply under a comment (or a comment on a post); Meta's id of the new comment. */
    public String replyToComment(String commentOrPostId, String text) {
        JsonNode answer = call("POST", "/" + HttpCall.encode(commentOrPostId) + "/comments",
                json.createObjectNode().put("message", text));
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new NetworkUnavailableException("Facebook POST /" + commentOrPostId + "/comments answered no id: " + answer);
        }
        return id;
    }

    /**
     * The one private reply to a comment, sent to the comment ({@code recipient={"comment_id":…}}), not
     * to an account: {@code {recipient_id, message_id}}.
     */
    public JsonNode privateReply(String commentId, String text) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("comment_id", commentId);
        body.putObject("message").put("text", text);
        return call("POST", pageEdge("messages"), body);
    }

    /**
     * A Messenger message to a page-scoped id: {@code messaging_type=RESPONSE} inside the 24-hour window,
     * {@code MESSAGE_TAG} with {@code tag} (Meta's {@code HUMAN_AGENT}) when one is given.
     * {@code {recipient_id, message_id}}.
     */
    public JsonNode sendMessage(String psid, String text, String tag) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", psid);
        body.put("messaging_type", tag == null ? "RESPONSE" : "MESSAGE_TAG");
        if (tag != null) {
            body.put("tag", tag);
        }
        body.putObject("message").put("text", text);
        return call("POST", pageEdge("messages"), body);
    }

    /** Marks the customer's Messenger thread as read by the Page ({@code sender_action=MARK_SEEN}). */
    public void markSeen(String psid) {
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", psid);
        body.put("sender_action", "MARK_SEEN");
        call("POST", pageEdge("messages"), body);
    }

    /** Hides a comment from everyone but its author and their friends, or shows it again. */
    public void hideComment(String commentId, boolean hidden) {
        call("POST", "/" + HttpCall.encode(commentId), json.createObjectNode().put("is_hidden", hidden));
    }

    /** The User Profile API: the name of a person who messaged the Page, by their page-scoped id. */
    public JsonNode profile(String psid) {
        return call("GET", "/" + HttpCall.encode(psid) + "?fields=name,first_name,last_name", null);
    }

    /** One post of the Page: its {@code message}, author and link. */
    public JsonNode post(String postId) {
        return call("GET", "/" + HttpCall.encode(postId) + "?fields=" + HttpCall.encode(POST_FIELDS), null);
    }

    /** The apps subscribed to the Page's webhooks: {@code data[]} of {@code {id, name, subscribed_fields[]}}, empty when none. */
    public JsonNode subscribedApps() {
        return call("GET", pageEdge("subscribed_apps"), null);
    }

    /**
     * One page of the Page's posts with activity since {@code since} (a post's {@code updated_time} moves
     * when someone comments), newest first: {@code data[]} and {@code paging.cursors.after}, with
     * {@code paging.next} when there is more. {@code after} is the previous page's cursor, or null.
     * The comments are read per post with {@link #comments}: the simulator, like Graph without a field
     * expansion, serves the posts alone.
     */
    public JsonNode feed(Instant since, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", POST_FIELDS);
        q.put("since", String.valueOf(since.getEpochSecond()));
        return call("GET", pageEdge("feed") + "?" + GraphCall.paged(q, after), null);
    }

    /**
     * One page of the Page's Messenger conversations updated since {@code since}, most recent first:
     * {@code data[]} of {@code {id, updated_time, message_count, participants}}; their messages, each
     * with its {@code from}, are read with {@link #messages}.
     */
    public JsonNode conversations(Instant since, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("platform", "MESSENGER");
        q.put("fields", "id,updated_time,message_count,participants");
        q.put("since", String.valueOf(since.getEpochSecond()));
        return call("GET", pageEdge("conversations") + "?" + GraphCall.paged(q, after), null);
    }

    /**
     * One page of the comments under a post or a comment, oldest first; under a post with
     * {@code filter=stream}, so replies to comments come too, each with its {@code parent}.
     */
    public JsonNode comments(String objectId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", COMMENT_FIELDS);
        q.put("filter", "stream");
        q.put("order", "chronological");
        return call("GET", "/" + HttpCall.encode(objectId) + "/comments?" + GraphCall.paged(q, after), null);
    }

    /**
     * One page of all the comments under a post, replies included, newest first: the recovery stops at
     * the first one older than its mark instead of paging through a long thread's whole history.
     */
    public JsonNode newestComments(String postId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", COMMENT_FIELDS);
        q.put("filter", "stream");
        q.put("order", "reverse_chronological");
        return call("GET", "/" + HttpCall.encode(postId) + "/comments?" + GraphCall.paged(q, after), null);
    }

    /**
     * One comment: its {@code parent} (the post for a top-level comment), {@code post_id},
     * {@code can_reply_privately} and, once answered privately, {@code private_reply_conversation}.
     */
    public JsonNode comment(String commentId) {
        return call("GET", "/" + HttpCall.encode(commentId) + "?fields=" + HttpCall.encode(COMMENT_FIELDS
                + ",private_reply_conversation"), null);
    }

    /** One page of a conversation's messages, newest first, each with its {@code from} and {@code created_time}. */
    public JsonNode messages(String conversationId, String after) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("fields", MESSAGE_FIELDS);
        return call("GET", "/" + HttpCall.encode(conversationId) + "/messages?" + GraphCall.paged(q, after), null);
    }

    private String pageEdge(String edge) {
        return "/" + HttpCall.encode(configuration.getPageId()) + "/" + edge;
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) {
        return graph.call(method, pathAndQuery, body);
    }

    /** Meta's error answer as the domain's exception ({@link GraphCall#refusal}). */
    RuntimeException refusal(String what, HttpAnswer answer) {
        return graph.refusal(what, answer);
    }
}
