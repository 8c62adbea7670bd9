package org.socialcarebridge.component.x;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.routes.http.HttpAnswer;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.routes.http.NetworkAnswer;

/** The X API v2 calls the routes use, with X's errors turned into the domain's. */
public final class XApi {
    /**
     * The live API's names ({@code tweet.fields}, {@code referenced_tweets}), not those of the SDK
     * generator's OpenAPI document ({@code post.fields}, {@code referenced_posts}): X refuses a parameter
     * it does not know with 400 invalid-request.
     */
    static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,author_id,entities";
    static final String USER_FIELDS = "public_metrics,verified,username,name";

    private final HttpCall http;
    private final XConfiguration configuration;
    private final ObjectMapper json;

    public XApi(HttpCall http, XConfiguration configuration, ObjectMapper json) {
        this.http = http;
        this.configuration = configuration;
        this.json = json;
    }

    public JsonNode me() {
        return call("GET", "/2/users/me", null);
    }

    /**
     * One page of the user's mentions, newest first: those after {@code sinceId} and before
     * {@code untilId} (both exclusive, either may be null). Walking back with {@code untilId} rather
     * than a pagination token lets a walk continue in a later poll.
     */
    public JsonNode mentions(String userId, String sinceId, String untilId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", String.valueOf(configuration.getMaxResults()));
        q.put("expansions", "author_id");
        q.put("tweet.fields", TWEET_FIELDS);
        q.put("user.fields", USER_FIELDS);
        if (sinceId != null) {
            q.put("since_id", sinceId);
        }
        if (untilId != null) {
            q.put("until_id", untilId);
        }
        return call("GET", "/2/users/" + HttpCall.encode(userId) + "/mentions?" + HttpCall.form(q), null);
    }

    /** One post with its author, or an {@code errors} answer when it is deleted or not visible. */
    public JsonNode post(String id) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("expansions", "author_id");
        q.put("tweet.fields", TWEET_FIELDS);
        q.put("user.fields", USER_FIELDS);
        return call("GET", "/2/tweets/" + HttpCall.encode(id) + "?" + HttpCall.form(q), null);
    }

    /** The authenticated account's direct message events, newest first. */
    public JsonNode directMessageEvents(String paginationToken) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", "100");
        q.put("dm_event.fields", "created_at,sender_id,dm_conversation_id,participant_ids");
        q.put("expansions", "sender_id");
        q.put("user.fields", USER_FIELDS);
        if (paginationToken != null) {
            q.put("pagination_token", paginationToken);
        }
        return call("GET", "/2/dm_events?" + HttpCall.form(q), null);
    }

    public JsonNode postReply(String inReplyToTweetId, String text) {
        ObjectNode body = json.createObjectNode().put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyToTweetId);
        return call("POST", "/2/tweets", body);
    }

    public JsonNode sendDirectMessage(String participantId, String text) {
        ObjectNode body = json.createObjectNode().put("text", text);
        return call("POST", "/2/dm_conversations/with/" + HttpCall.encode(participantId) + "/messages", body);
    }

    /**
     * The user's own posts (replies included) from {@code startTime} on, newest first, 100 a page: where
     * a post whose answer never came is looked up (X has no idempotency key).
     */
    public JsonNode userPosts(String userId, Instant startTime, String paginationToken) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", "100");
        q.put("start_time", startTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        q.put("tweet.fields", "created_at,referenced_tweets");
        if (paginationToken != null) {
            q.put("pagination_token", paginationToken);
        }
        return call("GET", "/2/users/" + HttpCall.encode(userId) + "/tweets?" + HttpCall.form(q), null);
    }

    /** The messages of the one-to-one conversation with a participant, newest first, 100 a page. */
    public JsonNode conversationEvents(String participantId, String paginationToken) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", "100");
        q.put("event_types", "MessageCreate");
        q.put("dm_event.fields", "created_at,sender_id,dm_conversation_id");
        if (paginationToken != null) {
            q.put("pagination_token", paginationToken);
        }
        return call("GET", "/2/dm_conversations/with/" + HttpCall.encode(participantId) + "/dm_events?" + HttpCall.form(q), null);
    }

    // ---- the X Activity API: app-only (the app's bearer token, not the brand's)

    /** The app's registered webhooks: {@code data[]} of {@code id}, {@code url}, {@code valid}. */
    public JsonNode webhooks() {
        return appOnly("GET", "/2/webhooks", null);
    }

    /** Registers a webhook; X proves it with a CRC GET to the URL before it answers. */
    public JsonNode registerWebhook(String url) {
        return appOnly("POST", "/2/webhooks", json.createObjectNode().put("url", url));
    }

    /** Runs the CRC again for a webhook X marked invalid (after failed deliveries). */
    public JsonNode revalidateWebhook(String webhookId) {
        return appOnly("PUT", "/2/webhooks/" + HttpCall.encode(webhookId), null);
    }

    /** The app's activity subscriptions: {@code data[]} of {@code event_type}, {@code filter.user_id}, {@code webhook_id}. */
    public JsonNode subscriptions() {
        return appOnly("GET", "/2/activity/subscriptions", null);
    }

    /** Subscribes to one event type for one user, delivered to the webhook, or to the activity stream when it is null. */
    public JsonNode subscribe(String eventType, String userId, String webhookId) {
        ObjectNode body = json.createObjectNode().put("event_type", eventType);
        body.putObject("filter").put("user_id", userId);
        if (webhookId != null) {
            body.put("webhook_id", webhookId);
        }
        return appOnly("POST", "/2/activity/subscriptions", body);
    }

    /** {@code GET /2/activity/stream}'s URL. */
    public String activityStreamUrl() {
        return configuration.getBaseUrl() + "/2/activity/stream";
    }

    /** The Authorization header's value for the app-only endpoints. */
    String appAuthorization() {
        if (configuration.getAppBearerToken() == null) {
            throw new IllegalStateException("X's webhook, subscription and stream endpoints take the app's bearer token: set"
                    + " appBearerToken in etc/" + XSettings.PID + ".cfg");
        }
        return "Bearer " + configuration.getAppBearerToken();
    }

    private JsonNode appOnly(String method, String path, JsonNode body) {
        return call(method, path, body, appAuthorization());
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) {
        return call(method, pathAndQuery, body, "Bearer " + configuration.getBearerToken());
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body, String authorization) {
        String url = configuration.getBaseUrl() + pathAndQuery;
        String what = method + " " + pathAndQuery.replaceAll("\\?.*", "");
        HttpAnswer answer;
        try {
            answer = http.send(method, url, Map.of("Authorization", authorization,
                    "Accept", "application/json"), body == null ? null : "application/json", body == null ? null : body.toString());
        } catch (HttpCall.UnreachableException e) {
            throw new NetworkUnavailableException("X " + what + ": " + e.getMessage(), e);
        }
        return NetworkAnswer.read(answer, "X " + what, XApi::resetOf, this::problem, json);
    }

    /** {@code x-rate-limit-reset} is epoch seconds; without it wait one 15-minute window. */
    static Instant resetOf(HttpAnswer answer) {
        String reset = answer.header("x-rate-limit-reset");
        try {
            return reset == null ? Instant.now().plusSeconds(900) : Instant.ofEpochSecond(Long.parseLong(reset.strip()));
        } catch (NumberFormatException e) {
            return Instant.now().plusSeconds(900);
        }
    }

    /** X's problem: its detail, then what its {@code errors} say (an invalid request names the parameter there). */
    private String problem(String body) {
        try {
            JsonNode node = json.readTree(body);
            StringBuilder b = new StringBuilder(node.path("detail").asText(node.path("title").asText("")));
            for (JsonNode e : node.path("errors")) {
                String each = e.path("detail").asText(e.path("message").asText(""));
                if (!each.isEmpty() && b.indexOf(each) < 0) {
                    b.append(b.length() == 0 ? "" : "; ").append(each);
                }
            }
            return b.length() == 0 ? body : b.toString();
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
