package org.socialcarebridge.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Customers and test control, over the X simulator's HTTP API exactly as a client of X would use it. */
final class XSim extends SimulatorClient {
    XSim(String base) {
        super(base);
    }

    void customer(String handle, String name, long followers, boolean verified) {
        call("PUT", "/sim/users/" + handle, null, Rt.JSON.createObjectNode().put("name", name)
                .put("followers_count", followers).put("verified", verified));
    }

    /** A customer's public post; answers its id. */
    String tweet(String handle, String text, String inReplyTo) {
        ObjectNode body = Rt.JSON.createObjectNode().put("text", text);
        if (inReplyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        }
        return call("POST", "/2/tweets", "sim-user:" + handle, body).path("data").path("id").asText();
    }

    /** A customer's public post written at a time in the past (the simulator's Sim-Created-At control). */
    String tweetWrittenAt(String handle, String text, java.time.Instant writtenAt) {
        ObjectNode body = Rt.JSON.createObjectNode().put("text", text);
        return call("POST", "/2/tweets", "sim-user:" + handle, body, java.util.Map.of("Sim-Created-At", writtenAt.toString()))
                .path("data").path("id").asText();
    }

    /** A customer's public post whose created_at X sends exactly as given (the Sim-Created-At-Raw control). */
    String tweetWithCreatedAtAsSent(String handle, String text, String createdAt) {
        ObjectNode body = Rt.JSON.createObjectNode().put("text", text);
        return call("POST", "/2/tweets", "sim-user:" + handle, body, java.util.Map.of("Sim-Created-At-Raw", createdAt))
                .path("data").path("id").asText();
    }

    /** A customer's direct message to the brand; answers its event id. */
    String dm(String handle, String brandId, String text) {
        return call("POST", "/2/dm_conversations/with/" + brandId + "/messages", "sim-user:" + handle,
                Rt.JSON.createObjectNode().put("text", text)).path("data").path("dm_event_id").asText();
    }

    /** The brand's posts answering this one (the customer's own follow-ups answer it too). */
    long brandRepliesTo(String tweetId) {
        String brand = userId("acme");
        return tweets().stream().filter(t -> brand.equals(t.path("author_id").asText()))
                .filter(t -> repliesTo(t, tweetId)).count();
    }

    /** Whether a tweet of {@link #tweets()} answers this post (X's referenced_tweets, or the simulator's own field). */
    static boolean repliesTo(JsonNode tweet, String id) {
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            if ("replied_to".equals(ref.path("type").asText()) && id.equals(ref.path("id").asText())) {
                return true;
            }
        }
        return id.equals(tweet.path("in_reply_to_tweet_id").asText(null));
    }

    /** The post a tweet of {@link #tweets()} answers, or null; X's wire name and the SDK document's both read. */
    static String inReplyTo(JsonNode tweet) {
        for (String refs : List.of("referenced_tweets", "referenced_posts")) {
            for (JsonNode ref : tweet.path(refs)) {
                if ("replied_to".equals(ref.path("type").asText())) {
                    return ref.path("id").asText();
                }
            }
        }
        return null;
    }

    String userId(String handle) {
        return call("GET", "/2/users/me", "sim-user:" + handle, null).path("data").path("id").asText();
    }

    void fault(String method, String path, int status, int count, int resetSeconds) {
        call("POST", "/sim/faults", null, Rt.JSON.createObjectNode().put("method", method).put("path", path)
                .put("status", status).put("count", count).put("resetSeconds", resetSeconds));
    }

    /** Every tweet the simulator holds. */
    List<JsonNode> tweets() {
        return list(call("GET", "/sim/tweets", null, null));
    }

    List<JsonNode> dmEvents() {
        return list(call("GET", "/sim/dm_events", null, null));
    }

    /** The X Activity API's delivery log: CRCs and every webhook delivery attempt with its status and flags. */
    List<JsonNode> webhooks() {
        return list(call("GET", "/sim/webhooks", null, null));
    }

    /** A webhook fault: {@code forge}, {@code duplicate}, {@code delay} ({@code seconds}) or {@code reorder}, for the next {@code count}. */
    void webhookFault(String kind, int count, int seconds) {
        ObjectNode body = Rt.JSON.createObjectNode().put("webhook", kind).put("count", count);
        if (seconds > 0) {
            body.put("seconds", seconds);
        }
        call("POST", "/sim/faults", null, body);
    }

    /** The webhooks registered with X, as the app sees them (app-only: the brand's token here). */
    List<JsonNode> registeredWebhooks(String appToken) {
        return list(call("GET", "/2/webhooks", appToken, null));
    }

    /** The app's X Activity subscriptions (app-only). */
    List<JsonNode> subscriptions(String appToken) {
        return list(call("GET", "/2/activity/subscriptions", appToken, null));
    }

    /** Closes every open activity stream; answers how many. */
    int dropStreams() {
        return call("POST", "/sim/x/stream/drop", null, null).path("dropped").asInt();
    }

    List<JsonNode> requests() {
        return list(call("GET", "/sim/requests", null, null));
    }

    private static List<JsonNode> list(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("data");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
