package org.socialcarebridge.component.facebook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.channel.RateLimitedException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;

/**
 * The Graph API (v23.0) calls of a Facebook Page, with Meta's errors turned into the domain's. Meta is
 * classified by {@code error.code}, as its own SDKs do, not by the HTTP status: a rate limit often
 * comes as 400, and a transient fault as 400 with {@code is_transient}. The Page token travels as a
 * bearer header only, never in a URL, so no log line or exception message can carry it.
 */
public final class GraphApi {
    public static final String VERSION = "/v23.0";
    /** Where an administrator fixes a refused token. */
    static final String SETTINGS_FILE = "etc/org.socialcarebridge.network.facebook.cfg";
    /**
     * Meta's throttling codes: 4 application, 17 user, 32 Page, 613 calls within an hour; 80000-80099 the
     * Business Use Case limits (80001 Pages, 80006 Messenger, ...).
     */
    static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    /** When a throttled answer says nothing of when access comes back (BUC counts over a rolling hour). */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    static final String POST_FIELDS = "id,message,from,created_time,updated_time,permalink_url";
    static final String COMMENT_FIELDS = "id,message,from,created_time,parent,post_id,is_hidden,can_reply_privately,permalink_url";
    static final String MESSAGE_FIELDS = "id,created_time,from,to,message";
    /** The most Graph returns a page (its {@code limit} runs from 1 to 100). */
    static final int PAGE_SIZE = 100;

    private final HttpCall http;
    private final FacebookConfiguration configuration;
    private final ObjectMapper json;

    public GraphApi(HttpCall http, FacebookConfiguration configuration, ObjectMapper json) {
        this.http = http;
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

    /** The cursor of the page after this one of a Graph list, or null when it is the last. */
    static String nextPage(JsonNode page) {
        JsonNode paging = page.path("paging");
        String after = paging.path("cursors").path("after").asText("");
        return paging.hasNonNull("next") && !after.isEmpty() ? after : null;
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
        return call("GET", pageEdge("feed") + "?" + paged(q, after), null);
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
        return call("GET", pageEdge("conversations") + "?" + paged(q, after), null);
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
        return call("GET", "/" + HttpCall.encode(objectId) + "/comments?" + paged(q, after), null);
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
        return call("GET", "/" + HttpCall.encode(postId) + "/comments?" + paged(q, after), null);
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
        return call("GET", "/" + HttpCall.encode(conversationId) + "/messages?" + paged(q, after), null);
    }

    private String pageEdge(String edge) {
        return "/" + HttpCall.encode(configuration.getPageId()) + "/" + edge;
    }

    private static String paged(Map<String, String> q, String after) {
        q.put("limit", String.valueOf(PAGE_SIZE));
        if (after != null) {
            q.put("after", after);
        }
        return HttpCall.form(q);
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) {
        String url = configuration.getBaseUrl() + VERSION + pathAndQuery;
        String what = "Facebook " + method + " " + pathAndQuery.replaceAll("\\?.*", "");
        HttpAnswer answer;
        try {
            answer = http.send(method, url, Map.of("Authorization", "Bearer " + configuration.getPageToken(),
                    "Accept", "application/json"), body == null ? null : "application/json", body == null ? null : body.toString());
        } catch (HttpCall.UnreachableException e) {
            throw new NetworkUnavailableException(what + ": " + e.getMessage(), e);
        }
        if (answer.ok()) {
            try {
                return json.readTree(answer.body());
            } catch (IOException e) {
                throw new NetworkUnavailableException(what + " answered malformed JSON: " + e.getMessage());
            }
        }
        throw refusal(what, answer);
    }

    /** Meta's error answer as the domain's exception: retried later, or refused for good with what to do instead. */
    RuntimeException refusal(String what, HttpAnswer answer) {
        JsonNode error = errorOf(answer.body());
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String said = error.path("message").asText("").strip();
        String quoted = what + " answered " + answer.status() + (code == 0 ? "" : " (#" + code
                + (subcode == 0 ? "" : "/" + subcode) + ")") + ": " + (said.isEmpty() ? abbreviated(answer.body()) : said);
        if (answer.status() == 429 || RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code < 80100)) {
            return new RateLimitedException(quoted, resetOf(answer));
        }
        if (answer.status() >= 500 || answer.status() == 0 || code == 1 || code == 2
                || error.path("is_transient").asBoolean(false)) {
            return new NetworkUnavailableException(quoted);
        }
        return new PostRejectedException(quoted + advice(code, subcode));
    }

    /** What the agent (or the administrator) can do instead, after what Meta said. */
    static String advice(int code, int subcode) {
        return switch (code) {
            case 10 -> ". Messenger's window is closed: a message may be sent within 24 hours of the customer's last"
                    + " message, and a human agent's reply with the HUMAN_AGENT tag within 7 days; after that answer"
                    + " publicly under their comment, or wait until they write again";
            case 10900 -> ". This comment has had its one private reply already: continue in the Messenger"
                    + " conversation once the customer answers, or reply publicly under the comment";
            case 10903 -> ". A comment may be answered privately only within 7 days: reply publicly under the comment";
            case 190 -> ". The Page token was refused (expired, revoked, or the Page admin changed their password):"
                    + " put a new Page access token as pageToken in " + SETTINGS_FILE;
            case 200, 230, 298 -> ". The Page token lacks a permission (pages_messaging, pages_manage_engagement,"
                    + " pages_read_engagement): grant it to the app and put the new token as pageToken in " + SETTINGS_FILE;
            case 551 -> ". This person cannot be reached on Messenger now: reply publicly where they wrote";
            case 100 -> subcode == 33
                    ? ". The comment, post or conversation is gone or not visible to the Page: nothing can be sent to it;"
                            + " reply where the customer still is"
                    : subcode == 2018001
                            ? ". Messenger knows no such person for this Page: reply publicly where they wrote"
                            : ". Meta refused a parameter of the reply: correct the reply (Messenger takes at most 2000"
                                    + " characters) and send it again";
            default -> ". Meta refused it; the reply was not sent";
        };
    }

    private JsonNode errorOf(String body) {
        try {
            return json.readTree(body).path("error");
        } catch (IOException | RuntimeException e) {
            return json.missingNode();
        }
    }

    /**
     * When access comes back: the largest {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage} ({@code {"<id>": [{..., "estimated_time_to_regain_access": N}]}});
     * without one, {@link #DEFAULT_WAIT}.
     */
    Instant resetOf(HttpAnswer answer) {
        long minutes = 0;
        String usage = answer.header("X-Business-Use-Case-Usage");
        if (usage != null) {
            try {
                for (JsonNode perObject : json.readTree(usage)) {
                    for (JsonNode each : perObject) {
                        minutes = Math.max(minutes, each.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
            } catch (IOException | RuntimeException e) {
                minutes = 0;
            }
        }
        return Instant.now().plus(minutes > 0 ? Duration.ofMinutes(minutes) : DEFAULT_WAIT);
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}
