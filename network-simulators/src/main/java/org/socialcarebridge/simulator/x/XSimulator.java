package org.socialcarebridge.simulator.x;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.simulator.ApiException;
import org.socialcarebridge.simulator.ApiRequest;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;

/**
 * A local X API v2 for tests and the demo: the subset the plugin uses, with X's auth, pagination,
 * rate limits (per caller and endpoint, 15-minute windows: mentions 450, tweet look-up 900, users 900,
 * users/me 75, posting 200, DMs 200/300, all multiplied by {@code rateLimitMultiplier}) and error shapes.
 * {@code Bearer sim-user:<handle>} acts as that user; the brand's token acts as the brand.
 */
public final class XSimulator implements AutoCloseable {
    static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,15})");
    static final Pattern URL = Pattern.compile("https?://\\S+");
    static final int MAX_TWEET_LENGTH = 280;
    /** The mentions timeline serves only this many of the most recent mentions, as X does. */
    static final int REACHABLE_MENTIONS = 800;

    // The query parameters each endpoint knows, by the live API's names (docs.x.com). Anything else is
    // refused with 400 invalid-request, as the live API does; so is an unknown field or expansion.
    private static final Set<String> FIELDS = Set.of("tweet.fields", "user.fields", "expansions", "media.fields",
            "poll.fields", "place.fields");
    private static final Set<String> TIMELINE = union(FIELDS, Set.of("max_results", "pagination_token", "since_id",
            "until_id", "start_time", "end_time"));
    private static final Set<String> DM_EVENTS = Set.of("max_results", "pagination_token", "event_types",
            "dm_event.fields", "expansions", "user.fields", "tweet.fields", "media.fields");
    private static final Map<String, Set<String>> QUERY_PARAMETERS = Map.ofEntries(
            Map.entry("GET /2/users/me", Set.of("user.fields", "expansions", "tweet.fields")),
            Map.entry("GET /2/users/{id}", Set.of("user.fields", "expansions", "tweet.fields")),
            Map.entry("GET /2/users/{id}/mentions", TIMELINE),
            Map.entry("GET /2/users/{id}/tweets", union(TIMELINE, Set.of("exclude"))),
            Map.entry("GET /2/tweets/{id}", FIELDS),
            Map.entry("GET /2/dm_events", DM_EVENTS),
            Map.entry("GET /2/dm_conversations/with/{participant_id}/dm_events", DM_EVENTS),
            Map.entry("GET /2/dm_conversations/{id}/dm_events", DM_EVENTS),
            Map.entry("GET /2/webhooks", Set.of("webhook_config.fields")),
            Map.entry("GET /2/activity/subscriptions", Set.of("max_results", "pagination_token")),
            Map.entry("GET /2/activity/stream", Set.of("backfill_minutes")));
    /** Values the list parameters accept; the document's "post" names are not among them. */
    private static final Map<String, Set<String>> LIST_VALUES = Map.of(
            "tweet.fields", Set.of("article", "attachments", "author_id", "card_uri", "community_id", "context_annotations",
                    "conversation_id", "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids",
                    "entities", "geo", "id", "in_reply_to_user_id", "lang", "media_metadata", "non_public_metrics",
                    "note_tweet", "organic_metrics", "possibly_sensitive", "promoted_metrics", "public_metrics",
                    "referenced_tweets", "reply_settings", "scopes", "source", "text", "withheld"),
            "user.fields", Set.of("affiliation", "connection_status", "created_at", "description", "entities", "id",
                    "location", "most_recent_tweet_id", "name", "pinned_tweet_id", "profile_banner_url",
                    "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription_type", "url",
                    "username", "verified", "verified_type", "withheld"),
            "dm_event.fields", Set.of("attachments", "created_at", "dm_conversation_id", "entities", "event_type", "id",
                    "participant_ids", "referenced_tweets", "sender_id", "text"),
            "expansions", Set.of("attachments.media_keys", "attachments.poll_ids", "author_id", "edit_history_tweet_ids",
                    "entities.mentions.username", "geo.place_id", "in_reply_to_user_id", "referenced_tweets.id",
                    "referenced_tweets.id.author_id", "pinned_tweet_id", "most_recent_tweet_id", "sender_id",
                    "participant_ids", "affiliation.user_id"),
            "event_types", Set.of("MessageCreate", "ParticipantsJoin", "ParticipantsLeave"),
            "webhook_config.fields", Set.of("created_at", "id", "url", "valid"));

    private final ApiServer server;
    private final String brandToken;
    private final XUser brand;
    private final Map<String, XUser> usersByHandle = new ConcurrentHashMap<>();
    private final Map<String, XUser> usersById = new ConcurrentHashMap<>();
    private final List<XTweet> tweets = new ArrayList<>();
    private final List<XDirectMessage> dms = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    /** What {@code POST /sim/clock} added: webhook retries and stream backfill run on this clock. */
    private final AtomicLong clockOffsetSeconds = new AtomicLong();
    private final XActivity activity;

    private XSimulator(int port, String brandHandle, String brandToken, String consumerSecret, int rateLimitMultiplier)
            throws IOException {
        if (consumerSecret == null || consumerSecret.isBlank()) {
            throw new IllegalArgumentException("the X app's consumer secret is required (it signs webhooks and answers the"
                    + " CRC); the simulator has no default: pass one, e.g. SIM_X_CONSUMER_SECRET");
        }
        this.server = new ApiServer(port);
        this.brandToken = brandToken;
        this.brand = user(brandHandle);
        this.activity = new XActivity(consumerSecret, this::clock, usersById::get);
        int m = Math.max(1, rateLimitMultiplier);
        server.route("GET", "/2/users/me", 75 * m, r -> ApiResponse.json(200, Map.of("data", caller(r).toJson(userFields(r)))));
        server.route("GET", "/2/users/{id}", 900 * m, this::userById);
        server.route("GET", "/2/users/{id}/mentions", 450 * m, this::mentions);
        server.route("GET", "/2/tweets/{id}", 900 * m, this::tweetById);
        server.route("POST", "/2/tweets", 200 * m, this::postTweet);
        server.route("DELETE", "/2/tweets/{id}", 50 * m, this::deleteTweet);
        server.route("POST", "/2/users/{id}/retweets", 50 * m, this::retweet);
        server.route("POST", "/2/dm_conversations/with/{participant_id}/messages", 200 * m, this::sendDm);
        server.route("GET", "/2/dm_events", 300 * m, this::dmEvents);
        // The brand's own posts and one DM conversation: where a client looks up a post whose answer never came.
        server.route("GET", "/2/users/{id}/tweets", 900 * m, this::userTweets);
        server.route("GET", "/2/dm_conversations/with/{participant_id}/dm_events", 300 * m, this::conversationEvents);
        // The X Activity API: webhooks (CRC-proven), subscriptions and the activity stream, app-only as X requires.
        server.route("POST", "/2/webhooks", 50 * m, r -> {
            appOnly(r);
            return activity.register(server.jsonBody(r).path("url").asText(null));
        });
        server.route("GET", "/2/webhooks", 50 * m, r -> {
            appOnly(r);
            return activity.list();
        });
        server.route("PUT", "/2/webhooks/{webhook_id}", 50 * m, r -> {
            appOnly(r);
            return activity.revalidate(r.pathParam("webhook_id"));
        });
        server.route("DELETE", "/2/webhooks/{webhook_id}", 50 * m, r -> {
            appOnly(r);
            return activity.delete(r.pathParam("webhook_id"));
        });
        server.route("POST", "/2/activity/subscriptions", 50 * m, r -> {
            appOnly(r);
            return activity.subscribe(server.jsonBody(r));
        });
        server.route("GET", "/2/activity/subscriptions", 50 * m, r -> {
            appOnly(r);
            return activity.subscriptions();
        });
        server.route("DELETE", "/2/activity/subscriptions/{subscription_id}", 50 * m, r -> {
            appOnly(r);
            return activity.unsubscribe(r.pathParam("subscription_id"));
        });
        server.route("GET", "/2/activity/stream", 50 * m, this::activityStream);
        server.route("GET", "/sim/webhooks", 0, r -> ApiResponse.json(200, activity.deliveries()));
        server.route("POST", "/sim/x/stream/drop", 0, r -> ApiResponse.json(200, Map.of("dropped", activity.stream().drop())));
        server.route("POST", "/sim/clock", 0, this::advanceClock);
        server.acceptWebhookFaults(this::webhookFault);
        server.route("PUT", "/sim/users/{handle}", 0, this::putUser);
        server.route("GET", "/sim/tweets", 0, r -> ApiResponse.json(200, allTweets()));
        server.route("GET", "/sim/dm_events", 0, r -> ApiResponse.json(200, allDms()));
        server.onReset(this::reset);
        server.invalidRequestAs(detail -> invalid("body", detail).response());
        server.checkRequestsWith(XSimulator::knownParameters);
        server.start();
    }

    /** Starts one; {@code consumerSecret} is the app's (it answers the CRC and signs webhooks): required, no default. */
    public static XSimulator start(int port, String brandHandle, String brandToken, String consumerSecret) throws IOException {
        return start(port, brandHandle, brandToken, consumerSecret, 1);
    }

    public static XSimulator start(int port, String brandHandle, String brandToken, String consumerSecret,
                                   int rateLimitMultiplier) throws IOException {
        return new XSimulator(port, brandHandle, brandToken, consumerSecret, rateLimitMultiplier);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String brandId() {
        return brand.id;
    }

    /** Attempts every webhook delivery due now on the caller's thread, so a test sees exactly what went out. */
    public void deliverDue() {
        activity.flush();
    }

    /** Test control: how often the activity stream's keep-alive line goes out (X: every 20 seconds). */
    public void streamKeepAliveEvery(java.time.Duration period) {
        activity.stream().keepAliveEvery(period);
    }

    /** The simulator's clock for webhook retries and stream backfill: the wall clock plus what {@code POST /sim/clock} added. */
    public Instant clock() {
        return Instant.now().plusSeconds(clockOffsetSeconds.get());
    }

    @Override
    public void close() {
        activity.close();
        server.close();
    }

    // ---- identities

    /** The user for a handle, created on first use with an id derived from the handle (FNV-1a). */
    XUser user(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        return usersByHandle.computeIfAbsent(key, k -> {
            long h = 0xcbf29ce484222325L;
            for (byte b : k.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ b) * 0x100000001b3L;
            }
            String id = String.valueOf(1_000_000L + Long.remainderUnsigned(h, 1_000_000_000_000L));
            XUser u = new XUser(id, handle, Instant.parse("2020-01-01T00:00:00Z").toString());
            usersById.put(id, u);
            return u;
        });
    }

    /**
     * The app-only endpoints (webhooks, subscriptions, the activity stream) take the app's bearer token,
     * which here is the brand's; a user's token is refused as X refuses the wrong kind of token.
     */
    private void appOnly(ApiRequest r) {
        if (caller(r) != brand) {
            throw new ApiException(ApiResponse.problem(403, "Unsupported Authentication",
                    "Authenticating with OAuth 2.0 User Context is forbidden for this endpoint. Supported authentication"
                            + " types are [OAuth 2.0 Application-Only]."));
        }
    }

    private ApiResponse activityStream(ApiRequest r) {
        appOnly(r);
        String raw = r.param("backfill_minutes");
        int backfill = 0;
        if (raw != null) {
            try {
                backfill = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                backfill = -1;
            }
            if (backfill < 0 || backfill > 5) {
                throw invalid("backfill_minutes", "The `backfill_minutes` query parameter value [" + raw
                        + "] is not between 0 and 5");
            }
        }
        int minutes = backfill;
        return ApiResponse.stream(200, "application/json", out -> activity.stream().connect(out, minutes));
    }

    private ApiResponse advanceClock(ApiRequest r) {
        JsonNode b = server.jsonBody(r);
        if (!b.path("advance_seconds").canConvertToLong() || b.get("advance_seconds").asLong() < 0) {
            return ApiResponse.json(400, Map.of("error", "the clock moves forward only: {\"advance_seconds\": N} with N >= 0, got "
                    + b.get("advance_seconds")));
        }
        clockOffsetSeconds.addAndGet(b.get("advance_seconds").asLong());
        activity.clockMoved();
        return ApiResponse.json(200, Map.of("now", clock().toString()));
    }

    private ApiResponse webhookFault(JsonNode f) {
        if (!org.socialcarebridge.simulator.WebhookDeliveries.FAULTS.contains(f.path("webhook").asText(""))) {
            return ApiResponse.json(400, Map.of("error", "an X webhook fault is {\"webhook\":\"duplicate\",\"count\":N}"
                    + " (deliver the next N twice), {\"webhook\":\"forge\",\"count\":N} (sign the next N wrongly; the"
                    + " retry is signed right), {\"webhook\":\"delay\",\"count\":N,\"seconds\":S} (hold the next N for S"
                    + " seconds) or {\"webhook\":\"reorder\",\"count\":N} (send the next N newest first); got " + f));
        }
        activity.fault(f);
        return ApiResponse.json(201, f);
    }

    private XUser caller(ApiRequest r) {
        String bearer = r.bearer();
        if (bearer != null && bearer.equals(brandToken)) {
            return brand;
        }
        if (bearer != null && bearer.startsWith("sim-user:") && bearer.length() > 9) {
            String handle = bearer.substring(9);
            if (handle.matches("\\w{1,15}")) {
                return user(handle);
            }
        }
        throw new ApiException(ApiResponse.problem(401, "Unauthorized", "Unauthorized"));
    }

    /** Ids grow with time and stay unique across runs, like X's snowflake ids. */
    private String nextId() {
        long millis = System.currentTimeMillis() - 1288834974657L;
        return String.valueOf((millis << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }

    /**
     * Test control: a customer's post may say when it was written ({@code Sim-Created-At}, an ISO
     * instant in the past), so tests can play a conversation that began hours ago. The brand's own
     * posts are always written now.
     */
    private String writtenAt(ApiRequest r, XUser author) {
        String raw = r.header("Sim-Created-At-Raw");
        if (raw != null && author != brand) {
            return raw; // test control: created_at exactly as given, readable or not, as a broken answer would carry it
        }
        String at = r.header("Sim-Created-At");
        if (at == null || author == brand) {
            return now();
        }
        try {
            Instant t = Instant.parse(at);
            if (t.isAfter(Instant.now())) {
                throw invalid("Sim-Created-At", "Sim-Created-At must not be in the future, got " + at);
            }
            return t.truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("Sim-Created-At", "Sim-Created-At must be an ISO instant like 2026-12-01T08:00:00Z, got " + at);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- endpoints

    private ApiResponse userById(ApiRequest r) {
        caller(r);
        XUser u = usersById.get(r.pathParam("id"));
        if (u == null) {
            return ApiResponse.json(200, Map.of("errors", List.of(notFound("user", "id", r.pathParam("id")))));
        }
        return ApiResponse.json(200, Map.of("data", u.toJson(userFields(r))));
    }

    private ApiResponse mentions(ApiRequest r) {
        caller(r);
        XUser target = usersById.get(r.pathParam("id"));
        if (target == null) {
            return ApiResponse.json(200, Map.of("errors", List.of(notFound("user", "id", r.pathParam("id")))));
        }
        int max = maxResults(r, 5, 100, 10);
        long since = idParam(r, "since_id");
        long before = Math.min(token(r), r.param("until_id") == null ? Long.MAX_VALUE : idParam(r, "until_id"));
        List<XTweet> matching;
        synchronized (tweets) {
            matching = tweets.stream().filter(t -> t.mentions(target))
                    .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id())))
                    .limit(REACHABLE_MENTIONS)
                    .filter(t -> Long.parseLong(t.id()) > since && Long.parseLong(t.id()) < before)
                    .toList();
        }
        List<XTweet> page = matching.subList(0, Math.min(max, matching.size()));
        return timeline(r, page, matching.size() > page.size());
    }

    private ApiResponse timeline(ApiRequest r, List<XTweet> page, boolean more) {
        Set<String> fields = tweetFields(r);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("data", page.stream().map(t -> t.toJson(fields)).toList());
            if (fields(r, "expansions").contains("author_id")) {
                Set<String> seen = new HashSet<>();
                List<Map<String, Object>> users = new ArrayList<>();
                for (XTweet t : page) {
                    if (seen.add(t.authorId())) {
                        users.add(usersById.get(t.authorId()).toJson(userFields(r)));
                    }
                }
                body.put("includes", Map.of("users", users));
            }
            meta.put("newest_id", page.get(0).id());
            meta.put("oldest_id", page.get(page.size() - 1).id());
        }
        meta.put("result_count", page.size());
        if (more) {
            meta.put("next_token", "p" + page.get(page.size() - 1).id());
        }
        body.put("meta", meta);
        return ApiResponse.json(200, body);
    }

    private ApiResponse tweetById(ApiRequest r) {
        caller(r);
        XTweet t = find(r.pathParam("id"));
        if (t == null) {
            return ApiResponse.json(200, Map.of("errors", List.of(notFound("tweet", "id", r.pathParam("id")))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", t.toJson(tweetFields(r)));
        if (fields(r, "expansions").contains("author_id")) {
            body.put("includes", Map.of("users", List.of(usersById.get(t.authorId()).toJson(userFields(r)))));
        }
        return ApiResponse.json(200, body);
    }

    private ApiResponse postTweet(ApiRequest r) {
        XUser author = caller(r);
        JsonNode body = server.jsonBody(r);
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw invalid("text", "The text field must not be empty");
        }
        int length = weightedLength(text);
        if (length > MAX_TWEET_LENGTH) {
            throw invalid("text", "Your Tweet text is too long (" + length + " characters; the limit is " + MAX_TWEET_LENGTH + ").");
        }
        String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
        XTweet parent = replyTo == null ? null : find(replyTo);
        if (replyTo != null && parent == null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", "Forbidden");
            p.put("detail", "You attempted to reply to a Post that is deleted or not visible to you.");
            p.put("type", "https://api.x.com/2/problems/not-authorized-for-resource");
            p.put("resource_type", "post");
            p.put("resource_id", replyTo);
            p.put("section", "data");
            p.put("status", 403);
            ApiResponse forbidden = ApiResponse.json(403, p);
            forbidden.headers().put("Content-Type", ApiResponse.PROBLEM_JSON);
            throw new ApiException(forbidden);
        }
        String quoted = body.path("quote_tweet_id").asText(null);
        if (quoted != null && find(quoted) == null) {
            throw invalid("quote_tweet_id", "The post to quote [" + quoted + "] does not exist or is not visible");
        }
        String id = nextId();
        XTweet t = new XTweet(id, text, author.id, writtenAt(r, author), parent == null ? id : parent.conversationId(),
                replyTo, parent == null ? null : parent.authorId(), mentionsIn(text), quoted, null);
        synchronized (tweets) {
            tweets.add(t);
        }
        activity.posted(t);
        return ApiResponse.json(201, Map.of("data", Map.of("id", id, "text", text, "edit_history_tweet_ids", List.of(id))));
    }

    private List<Map<String, Object>> mentionsIn(String text) {
        List<Map<String, Object>> mentions = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            XUser mentioned = user(m.group(1));
            mentions.add(Map.of("start", m.start(), "end", m.end(), "username", mentioned.username, "id", mentioned.id));
        }
        return mentions;
    }

    /** A retweet is a post of its own, "RT @author: text", which mentions the original's author. */
    private ApiResponse retweet(ApiRequest r) {
        XUser caller = caller(r);
        if (!caller.id.equals(r.pathParam("id"))) {
            throw new ApiException(forbidden("user", r.pathParam("id"), "You can only retweet as yourself."));
        }
        String original = server.jsonBody(r).path("tweet_id").asText("");
        XTweet o = find(original);
        if (o == null) {
            throw invalid("tweet_id", "The post to retweet [" + original + "] does not exist or is not visible");
        }
        String text = "RT @" + usersById.get(o.authorId()).username + ": " + o.text();
        String id = nextId();
        XTweet t = new XTweet(id, text, caller.id, now(), id, null, null, mentionsIn(text), null, original);
        synchronized (tweets) {
            tweets.add(t);
        }
        activity.posted(t);
        return ApiResponse.json(200, Map.of("data", Map.of("retweeted", true, "rest_id", id)));
    }

    private ApiResponse deleteTweet(ApiRequest r) {
        XUser caller = caller(r);
        XTweet t = find(r.pathParam("id"));
        if (t == null || !t.authorId().equals(caller.id)) {
            return forbidden("post", r.pathParam("id"), "You are not allowed to delete this Post.");
        }
        synchronized (tweets) {
            tweets.remove(t);
        }
        return ApiResponse.json(200, Map.of("data", Map.of("deleted", true)));
    }

    /** X's 403 problem for a resource the caller may not act on. */
    private static ApiResponse forbidden(String resourceType, String resourceId, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", "Forbidden");
        p.put("detail", detail);
        p.put("type", "https://api.x.com/2/problems/not-authorized-for-resource");
        p.put("resource_type", resourceType);
        p.put("resource_id", resourceId);
        p.put("section", "data");
        ApiResponse forbidden = ApiResponse.json(403, p);
        forbidden.headers().put("Content-Type", ApiResponse.PROBLEM_JSON);
        return forbidden;
    }

    private ApiResponse sendDm(ApiRequest r) {
        XUser sender = caller(r);
        XUser recipient = usersById.get(r.pathParam("participant_id"));
        if (recipient == null) {
            return ApiResponse.problem(400, "Invalid Request", "One or more parameters to your request was invalid.");
        }
        String text = server.jsonBody(r).path("text").asText("");
        if (text.isBlank() || text.length() > 10_000) {
            throw invalid("text", "A direct message needs 1 to 10000 characters of text");
        }
        String a = sender.id.compareTo(recipient.id) < 0 ? sender.id : recipient.id;
        String b = a.equals(sender.id) ? recipient.id : sender.id;
        XDirectMessage dm = new XDirectMessage(nextId(), a + "-" + b, sender.id, recipient.id, text, now());
        synchronized (dms) {
            dms.add(dm);
        }
        activity.messaged(dm);
        return ApiResponse.json(201, Map.of("data", Map.of("dm_conversation_id", dm.conversationId(), "dm_event_id", dm.id())));
    }

    private ApiResponse dmEvents(ApiRequest r) {
        XUser me = caller(r);
        int max = maxResults(r, 1, 100, 100);
        long before = token(r);
        List<XDirectMessage> mine;
        synchronized (dms) {
            mine = dms.stream().filter(d -> d.involves(me.id)).filter(d -> Long.parseLong(d.id()) < before)
                    .sorted((x, y) -> Long.compare(Long.parseLong(y.id()), Long.parseLong(x.id()))).toList();
        }
        List<XDirectMessage> page = mine.subList(0, Math.min(max, mine.size()));
        Set<String> fields = fields(r, "dm_event.fields");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("data", page.stream().map(d -> d.toJson(fields)).toList());
            if (fields(r, "expansions").contains("sender_id")) {
                Set<String> seen = new HashSet<>();
                List<Map<String, Object>> users = new ArrayList<>();
                for (XDirectMessage d : page) {
                    if (seen.add(d.senderId())) {
                        users.add(usersById.get(d.senderId()).toJson(userFields(r)));
                    }
                }
                body.put("includes", Map.of("users", users));
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        if (mine.size() > page.size()) {
            meta.put("next_token", "p" + page.get(page.size() - 1).id());
        }
        body.put("meta", meta);
        return ApiResponse.json(200, body);
    }

    /**
     * A user's own posts (replies included), newest first, as X's user timeline: {@code since_id} exclusive,
     * {@code start_time} inclusive, {@code pagination_token} walks back; 5 to 100 a page.
     */
    private ApiResponse userTweets(ApiRequest r) {
        caller(r);
        XUser author = usersById.get(r.pathParam("id"));
        if (author == null) {
            return ApiResponse.json(200, Map.of("errors", List.of(notFound("user", "id", r.pathParam("id")))));
        }
        int max = maxResults(r, 5, 100, 10);
        long since = idParam(r, "since_id");
        long before = token(r);
        Instant from = instantParam(r, "start_time");
        List<XTweet> matching;
        synchronized (tweets) {
            matching = tweets.stream().filter(t -> t.authorId().equals(author.id))
                    .filter(t -> Long.parseLong(t.id()) > since && Long.parseLong(t.id()) < before)
                    .filter(t -> from == null || !Instant.parse(t.createdAt()).isBefore(from))
                    .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id())))
                    .toList();
        }
        List<XTweet> page = matching.subList(0, Math.min(max, matching.size()));
        return timeline(r, page, matching.size() > page.size());
    }

    /** The events of the caller's one-to-one conversation with a participant, newest first, 1 to 100 a page. */
    private ApiResponse conversationEvents(ApiRequest r) {
        XUser me = caller(r);
        XUser other = usersById.get(r.pathParam("participant_id"));
        if (other == null) {
            return ApiResponse.problem(400, "Invalid Request", "One or more parameters to your request was invalid.");
        }
        int max = maxResults(r, 1, 100, 100);
        long before = token(r);
        List<XDirectMessage> events;
        synchronized (dms) {
            events = dms.stream().filter(d -> d.involves(me.id) && d.involves(other.id))
                    .filter(d -> Long.parseLong(d.id()) < before)
                    .sorted((x, y) -> Long.compare(Long.parseLong(y.id()), Long.parseLong(x.id()))).toList();
        }
        List<XDirectMessage> page = events.subList(0, Math.min(max, events.size()));
        Set<String> fields = fields(r, "dm_event.fields");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("data", page.stream().map(d -> d.toJson(fields)).toList());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        if (events.size() > page.size()) {
            meta.put("next_token", "p" + page.get(page.size() - 1).id());
        }
        body.put("meta", meta);
        return ApiResponse.json(200, body);
    }

    private static Instant instantParam(ApiRequest r, String name) {
        String v = r.param(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(name, "The `" + name + "` query parameter value [" + v + "] is not a valid time, e.g. 2026-12-01T08:00:00Z");
        }
    }

    private ApiResponse putUser(ApiRequest r) {
        String handle = r.pathParam("handle");
        if (!handle.matches("\\w{1,15}")) {
            return ApiResponse.problem(400, "Invalid Request", "a handle is 1-15 letters, digits or _");
        }
        JsonNode body = server.jsonBody(r);
        XUser u = user(handle);
        if (body.hasNonNull("name")) {
            u.name = body.get("name").asText();
        }
        if (body.has("followers_count")) {
            u.followers = body.get("followers_count").asLong();
        }
        if (body.has("verified")) {
            u.verified = body.get("verified").asBoolean();
        }
        return ApiResponse.json(200, u.toJson(Set.of("public_metrics", "verified")));
    }

    // ---- control views

    private List<Map<String, Object>> allTweets() {
        Set<String> all = Set.of("author_id", "created_at", "conversation_id", "in_reply_to_user_id", "referenced_tweets", "entities");
        synchronized (tweets) {
            return tweets.stream().map(t -> {
                Map<String, Object> json = t.toJson(all);
                json.put("author_username", usersById.get(t.authorId()).username);
                return json;
            }).toList();
        }
    }

    private List<Map<String, Object>> allDms() {
        Set<String> all = Set.of("dm_conversation_id", "sender_id", "created_at", "participant_ids");
        synchronized (dms) {
            return dms.stream().map(d -> d.toJson(all)).toList();
        }
    }

    private void reset() {
        synchronized (tweets) {
            tweets.clear();
        }
        synchronized (dms) {
            dms.clear();
        }
        usersByHandle.keySet().removeIf(Predicate.not(brand.username.toLowerCase(Locale.ROOT)::equals));
        usersById.keySet().removeIf(Predicate.not(brand.id::equals));
        clockOffsetSeconds.set(0);
        activity.reset();
    }

    // ---- helpers of the X dialect

    private XTweet find(String id) {
        synchronized (tweets) {
            return tweets.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }
    }

    private static Set<String> fields(ApiRequest r, String name) {
        String v = r.param(name);
        return v == null ? Set.of() : new HashSet<>(Arrays.asList(v.split(",")));
    }

    /** {@code tweet.fields}, the live API's name (the SDK generator's document says post.fields). */
    private static Set<String> tweetFields(ApiRequest r) {
        return fields(r, "tweet.fields");
    }

    /**
     * Refuses what the live API would: a query parameter the endpoint does not know (such as the
     * document's {@code post.fields}), or a field or expansion it does not know.
     */
    private static void knownParameters(String route, ApiRequest r) {
        Set<String> known = QUERY_PARAMETERS.getOrDefault(route, route.startsWith("GET ") ? TIMELINE : Set.of());
        for (Map.Entry<String, List<String>> p : r.query().entrySet()) {
            String name = p.getKey();
            if (!known.contains(name)) {
                throw invalid(name, p.getValue(), "The query parameter [" + name + "] is not one of ["
                        + String.join(",", new java.util.TreeSet<>(known)) + "]");
            }
            Set<String> values = LIST_VALUES.get(name);
            if (values == null) {
                continue;
            }
            for (String value : p.getValue()) {
                for (String one : value.split(",", -1)) {
                    if (!values.contains(one)) {
                        throw invalid(name, p.getValue(), "The `" + name + "` query parameter value [" + one
                                + "] is not one of [" + String.join(",", new java.util.TreeSet<>(values)) + "]");
                    }
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Set<String> userFields(ApiRequest r) {
        return fields(r, "user.fields");
    }

    private static int maxResults(ApiRequest r, int min, int max, int fallback) {
        String v = r.param("max_results");
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw invalid("max_results", "The `max_results` query parameter value [" + v + "] is not between " + min + " and " + max);
    }

    private static long idParam(ApiRequest r, String name) {
        String v = r.param(name);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(name, "The `" + name + "` query parameter value [" + v + "] is not valid");
        }
    }

    /** Pagination tokens are opaque to clients; here "p" plus the last id of the previous page. */
    private static long token(ApiRequest r) {
        String v = r.param("pagination_token");
        if (v == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(v.substring(1));
        } catch (RuntimeException e) {
            throw invalid("pagination_token", "The `pagination_token` query parameter value [" + v + "] is not valid");
        }
    }

    static int weightedLength(String text) {
        Matcher m = URL.matcher(text);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += text.codePointCount(last, m.start()) + 23;
            last = m.end();
        }
        return length + text.codePointCount(last, text.length());
    }

    static ApiException invalid(String parameter, String message) {
        return invalid(parameter, List.of(), message);
    }

    /**
     * X's 400 for a request it cannot read, as the live API words it: the problem type on
     * api.twitter.com (the SDK generator's document says api.x.com), and an {@code errors} array that
     * names the parameter and what was wrong with it.
     */
    private static ApiException invalid(String parameter, List<String> values, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameters", Map.of(parameter, values));
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        ApiResponse response = ApiResponse.json(400, body);
        response.headers().put("Content-Type", ApiResponse.PROBLEM_JSON);
        return new ApiException(response);
    }

    private static Map<String, Object> notFound(String resourceType, String parameter, String value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", value);
        e.put("detail", "Could not find " + resourceType + " with " + parameter + ": [" + value + "].");
        e.put("title", "Not Found Error");
        e.put("resource_type", resourceType);
        e.put("parameter", parameter);
        e.put("resource_id", value);
        e.put("type", "https://api.x.com/2/problems/resource-not-found");
        return e;
    }
}
