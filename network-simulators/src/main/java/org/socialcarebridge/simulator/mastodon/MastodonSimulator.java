package org.socialcarebridge.simulator.mastodon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.simulator.ApiException;
import org.socialcarebridge.simulator.ApiRequest;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;
import org.socialcarebridge.simulator.Dialect;

/**
 * A local Mastodon instance for tests and the demo: the part of the REST API the plugin uses, with
 * Mastodon's auth, notifications (mentions, including direct posts), thread context, Link-header
 * pagination, Idempotency-Key, the 500-character limit, 300 calls per 5 minutes per account
 * (× {@code rateLimitMultiplier}) with ISO-8601 reset headers, and {@code {"error": …}} bodies.
 * {@code Bearer sim-user:<acct>} acts as that local user; the brand's token acts as the brand.
 */
public final class MastodonSimulator implements AutoCloseable {
    static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,30})(?:@[\\w.-]*\\w)?");
    /** An acct on the control API: a local user, or {@code user@domain} on another server (a DNS name, up to 253). */
    private static final Pattern CONTROL_ACCT = Pattern.compile("\\w{1,30}(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)?");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    static final int MAX_STATUS_LENGTH = 500;
    private static final long IDEMPOTENCY_SECONDS = 3600;

    private final ApiServer server;
    private final String brandToken;
    private final MastodonAccount brand;
    private final Map<String, MastodonAccount> accountsByAcct = new ConcurrentHashMap<>();
    private final Map<String, MastodonAccount> accountsById = new ConcurrentHashMap<>();
    private final List<MastodonStatus> statuses = new ArrayList<>();
    private final List<MastodonNotification> notifications = new ArrayList<>();
    /** Notifications served exactly as a test wrote them (malformed ones, for the plugin's dead letters), by id. */
    private final Map<String, Map<String, Object>> rawNotifications = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final MastodonStreaming streaming = new MastodonStreaming();

    private MastodonSimulator(int port, String brandAcct, String brandToken, int rateLimitMultiplier) throws IOException {
        this.server = new ApiServer(port, Dialect.MASTODON);
        this.brandToken = brandToken;
        this.brand = account(brandAcct);
        int limit = 300 * Math.max(1, rateLimitMultiplier);
        server.route("GET", "/api/v1/accounts/verify_credentials", limit, r -> ApiResponse.json(200, caller(r).toCredentialJson()));
        server.route("GET", "/api/v1/accounts/{id}", limit, this::accountById);
        server.route("GET", "/api/v1/notifications", limit, this::notifications);
        server.route("GET", "/api/v1/statuses/{id}", limit, this::statusById);
        server.route("GET", "/api/v1/statuses/{id}/context", limit, this::context);
        server.route("POST", "/api/v1/statuses", limit, this::postStatus);
        server.route("DELETE", "/api/v1/statuses/{id}", limit, this::deleteStatus);
        server.route("POST", "/api/v1/statuses/{id}/reblog", limit, this::reblog);
        server.route("POST", "/api/v1/statuses/{id}/favourite", limit, this::favourite);
        server.route("GET", "/api/v2/instance", limit, r -> ApiResponse.json(200, instance()));
        server.route("GET", "/api/v1/streaming/health", limit, r -> ApiResponse.text(200, "OK"));
        server.route("GET", "/api/v1/streaming/user/notification", limit, r -> stream(r, "user:notification"));
        server.route("GET", "/api/v1/streaming", limit, r -> stream(r, r.param("stream")));
        server.route("POST", "/sim/streaming/drop", 0, this::dropStreams);
        server.route("PUT", "/sim/accounts/{acct}", 0, this::putAccount);
        server.route("GET", "/sim/statuses", 0, r -> ApiResponse.json(200, controlView()));
        server.route("POST", "/sim/statuses", 0, this::simPost);
        server.route("POST", "/sim/notifications", 0, this::simRawNotification);
        server.onReset(this::reset);
        server.invalidRequestAs(detail -> ApiResponse.json(422, Map.of("error", "Validation failed: " + detail)));
        server.start();
    }

    public static MastodonSimulator start(int port, String brandAcct, String brandToken, int rateLimitMultiplier) throws IOException {
        return new MastodonSimulator(port, brandAcct, brandToken, rateLimitMultiplier);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String brandId() {
        return brand.id;
    }

    /** How often an idle stream sends its {@code :thump} comment (10 s unless a test wants it sooner). */
    public void streamingHeartbeat(java.time.Duration every) {
        streaming.heartbeat(every);
    }

    @Override
    public void close() {
        streaming.drop(0);
        server.close();
    }

    // ---- identities

    /** The local account for an acct, created on first use with an id derived from it (FNV-1a). */
    MastodonAccount account(String acct) {
        String key = acct.toLowerCase(Locale.ROOT);
        return accountsByAcct.computeIfAbsent(key, k -> {
            long h = 0xcbf29ce484222325L;
            for (byte b : ("mastodon:" + k).getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ b) * 0x100000001b3L;
            }
            String id = String.valueOf(100_000_000L + Long.remainderUnsigned(h, 100_000_000_000L));
            int at = acct.indexOf('@');
            // An account of another server lives at that server's address, as federation shows it.
            String home = at < 0 ? baseUrlOf() : "https://" + acct.substring(at + 1);
            MastodonAccount a = new MastodonAccount(id, acct, "2020-01-01T00:00:00.000Z", home);
            accountsById.put(id, a);
            return a;
        });
    }

    private String baseUrlOf() {
        return server == null ? "http://127.0.0.1" : baseUrl();
    }

    private MastodonAccount caller(ApiRequest r) {
        return caller(r.bearer());
    }

    private MastodonAccount caller(String bearer) {
        if (bearer != null && bearer.equals(brandToken)) {
            return brand;
        }
        if (bearer != null && bearer.startsWith("sim-user:") && bearer.substring(9).matches("\\w{1,30}")) {
            return account(bearer.substring(9));
        }
        throw new ApiException(Dialect.MASTODON.error(401, "Unauthorized", "The access token is invalid"));
    }

    /** Snowflake-like ids: they grow with time and stay unique across runs. */
    private String nextId() {
        long millis = System.currentTimeMillis();
        return String.valueOf((millis << 16) | (sequence.incrementAndGet() & 0xFFFF));
    }

    private static String now() {
        return Dialect.ISO_MILLIS.format(Instant.now());
    }

    private static ApiException notFound() {
        return new ApiException(Dialect.MASTODON.error(404, "Not Found", "Record not found"));
    }

    private static ApiException unprocessable(String message) {
        return new ApiException(ApiResponse.json(422, Map.of("error", "Validation failed: " + message)));
    }

    // ---- endpoints

    private ApiResponse accountById(ApiRequest r) {
        caller(r);
        MastodonAccount a = accountsById.get(r.pathParam("id"));
        if (a == null) {
            throw notFound();
        }
        return ApiResponse.json(200, a.toJson());
    }

    private ApiResponse notifications(ApiRequest r) {
        MastodonAccount me = caller(r);
        int limit = limit(r);
        Set<String> types = Set.copyOf(r.params("types"));
        Set<String> excluded = Set.copyOf(r.params("exclude_types"));
        long maxId = id(r, "max_id", Long.MAX_VALUE);
        long sinceId = id(r, "since_id", 0);
        long minId = id(r, "min_id", -1);
        List<MastodonNotification> mine;
        synchronized (statuses) {
            mine = notifications.stream().filter(n -> n.recipient() == me)
                    .filter(n -> types.isEmpty() || types.contains(n.type()))
                    .filter(n -> !excluded.contains(n.type()))
                    .filter(n -> n.status() == null || !n.status().deleted())
                    .filter(n -> n.numericId() < maxId && n.numericId() > Math.max(sinceId, minId))
                    .sorted(Comparator.comparingLong(MastodonNotification::numericId).reversed())
                    .toList();
        }
        // min_id pages forward from the cursor (oldest first); since_id and max_id page back from the newest.
        List<MastodonNotification> page = minId >= 0
                ? new ArrayList<>(mine.subList(Math.max(0, mine.size() - limit), mine.size()))
                : mine.subList(0, Math.min(limit, mine.size()));
        ApiResponse response = ApiResponse.json(200, page.stream()
                .map(n -> rawNotifications.getOrDefault(n.id(), n.toJson())).toList());
        if (!page.isEmpty()) {
            String self = baseUrl() + "/api/v1/notifications?" + (types.isEmpty() ? "" : "types[]=" + String.join("&types[]=", types) + "&");
            response.headers().put("Link", "<" + self + "max_id=" + page.get(page.size() - 1).id() + ">; rel=\"next\", <"
                    + self + "min_id=" + page.get(0).id() + ">; rel=\"prev\"");
        }
        return response;
    }

    private ApiResponse statusById(ApiRequest r) {
        MastodonAccount me = caller(r);
        return ApiResponse.json(200, visible(r.pathParam("id"), me).toJson());
    }

    private ApiResponse context(ApiRequest r) {
        MastodonAccount me = caller(r);
        MastodonStatus s = visible(r.pathParam("id"), me);
        List<Map<String, Object>> ancestors = new ArrayList<>();
        MastodonStatus parent = find(s.inReplyToId);
        for (int depth = 0; parent != null && !parent.deleted() && parent.visibleTo(me) && depth < 40; depth++) {
            ancestors.add(0, parent.toJson());
            parent = find(parent.inReplyToId);
        }
        List<Map<String, Object>> descendants = new ArrayList<>();
        synchronized (statuses) {
            List<String> thread = new ArrayList<>(List.of(s.id));
            for (MastodonStatus c : statuses) {
                if (!c.deleted() && c.inReplyToId != null && thread.contains(c.inReplyToId) && c.visibleTo(me)) {
                    thread.add(c.id);
                    descendants.add(c.toJson());
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ancestors", ancestors);
        body.put("descendants", descendants);
        return ApiResponse.json(200, body);
    }

    private ApiResponse postStatus(ApiRequest r) {
        MastodonAccount author = caller(r);
        JsonNode body = body(r);
        String key = r.header("Idempotency-Key");
        if (key != null) {
            synchronized (statuses) {
                Instant horizon = Instant.now().minusSeconds(IDEMPOTENCY_SECONDS);
                for (MastodonStatus s : statuses) {
                    if (key.equals(s.idempotencyKey) && s.account == author && Instant.parse(s.createdAt).isAfter(horizon)) {
                        s.idempotentRepeats++;
                        return ApiResponse.json(200, s.toJson());
                    }
                }
            }
        }
        return ApiResponse.json(200, create(author, body.path("status").asText(""), body.path("visibility").asText("public"),
                body.path("in_reply_to_id").asText(null), key).toJson());
    }

    /**
     * Control: a notification to the brand served as the JSON body given (any shape: a status without an
     * account, say), with an id the simulator assigns; answers {@code {"id": …}}.
     */
    private ApiResponse simRawNotification(ApiRequest r) {
        JsonNode body = server.jsonBody(r);
        if (!body.isObject()) {
            throw new ApiException(Dialect.MASTODON.error(422, "Unprocessable Entity", "send the notification as a JSON object"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = ApiServer.JSON.convertValue(body, LinkedHashMap.class);
        synchronized (statuses) {
            String id = nextId();
            raw.put("id", id);
            rawNotifications.put(id, raw);
            notify(new MastodonNotification(id, String.valueOf(raw.getOrDefault("type", "mention")), brand, brand, null, now()));
            return ApiResponse.json(200, Map.of("id", id));
        }
    }

    /** Keeps a notification and streams it to its recipient as the REST API would show it; holds the statuses' lock. */
    private void notify(MastodonNotification n) {
        notifications.add(n);
        streaming.publish(n.recipient(), rawNotifications.getOrDefault(n.id(), n.toJson()));
    }

    /**
     * A server-sent events stream of the caller's notifications. The token comes as for the REST API, or as
     * {@code access_token} in the query, which Mastodon accepts on streams because browsers' EventSource sends no headers.
     */
    private ApiResponse stream(ApiRequest r, String name) {
        if (streaming.refusing()) {
            return ApiResponse.json(503, Map.of("error", "The streaming server is unavailable; retry with back-off"));
        }
        MastodonAccount me = caller(r.bearer() != null ? r.bearer() : r.param("access_token"));
        if (!"user:notification".equals(name)) {
            // The simulator streams notifications only; Mastodon's own answer to a stream it does not know.
            throw new ApiException(ApiResponse.json(400, Map.of("error", "Unknown stream type: " + name
                    + "; the simulator serves stream=user:notification")));
        }
        return streaming.open(me);
    }

    /** Control: closes every open stream now; {@code {"refuse_seconds": N}} answers 503 to new ones for N seconds. */
    private ApiResponse dropStreams(ApiRequest r) {
        long refuse = r.body() == null || r.body().isBlank() ? 0 : server.jsonBody(r).path("refuse_seconds").asLong(0);
        if (refuse < 0) {
            throw unprocessable("refuse_seconds must be 0 or more, got " + refuse);
        }
        int dropped = streaming.drop(refuse);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dropped", dropped);
        body.put("refuse_seconds", refuse);
        return ApiResponse.json(200, body);
    }

    /** {@code GET /api/v2/instance}: what a client reads first, notably where the streaming API lives. */
    private Map<String, Object> instance() {
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("streaming", baseUrl());
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("urls", urls);
        configuration.put("accounts", Map.of("max_featured_tags", 10, "max_pinned_statuses", 5));
        configuration.put("statuses", Map.of("max_characters", MAX_STATUS_LENGTH, "max_media_attachments", 4,
                "characters_reserved_per_url", 23));
        configuration.put("media_attachments", Map.of("supported_mime_types", List.of("image/jpeg", "image/png"),
                "image_size_limit", 16_777_216, "image_matrix_limit", 33_177_600, "video_size_limit", 103_809_024,
                "video_frame_rate_limit", 120, "video_matrix_limit", 8_294_400));
        configuration.put("polls", Map.of("max_options", 4, "max_characters_per_option", 50, "min_expiration", 300,
                "max_expiration", 2_629_746));
        configuration.put("translation", Map.of("enabled", false));
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("domain", "127.0.0.1");
        i.put("title", "Social Care Bridge Mastodon simulator");
        i.put("version", "4.4.0");
        i.put("source_url", "https://github.com/mastodon/mastodon");
        i.put("description", "A local Mastodon for tests and the demo");
        i.put("usage", Map.of("users", Map.of("active_month", accountsByAcct.size())));
        i.put("thumbnail", Map.of("url", baseUrl() + "/thumbnail.png"));
        i.put("icon", List.of());
        i.put("languages", List.of("en"));
        i.put("configuration", configuration);
        i.put("registrations", Map.of("enabled", false, "approval_required", false));
        i.put("contact", Map.of("email", "admin@example.org"));
        i.put("rules", List.of());
        i.put("api_versions", Map.of("mastodon", 6));
        return i;
    }

    private ApiResponse simPost(ApiRequest r) {
        JsonNode body = server.jsonBody(r);
        String acct = body.path("acct").asText("");
        if (!CONTROL_ACCT.matcher(acct).matches()) {
            throw unprocessable("acct must be 1-30 letters, digits or _, optionally @ and a domain name, got " + acct);
        }
        return ApiResponse.json(200, create(account(acct), body.path("status").asText(""),
                body.path("visibility").asText("public"), body.path("in_reply_to_id").asText(null), null).toControlJson());
    }

    private MastodonStatus create(MastodonAccount author, String text, String visibility, String inReplyToId, String key) {
        if (text.isBlank()) {
            throw unprocessable("Text can't be blank");
        }
        if (!Set.of("public", "unlisted", "private", "direct").contains(visibility)) {
            throw unprocessable("Visibility is not included in the list");
        }
        int length = length(text);
        // Another server's status keeps the length its own server allowed (Pleroma, Akkoma, … allow more).
        if (author.local() && length > MAX_STATUS_LENGTH) {
            throw unprocessable("Text character limit of " + MAX_STATUS_LENGTH + " exceeded");
        }
        MastodonStatus parent = null;
        if (inReplyToId != null && !inReplyToId.isEmpty()) {
            parent = find(inReplyToId);
            if (parent == null || parent.deleted() || !parent.visibleTo(author)) {
                throw notFound();
            }
        }
        List<MastodonAccount> mentions = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            MastodonAccount a = account(m.group(1));
            if (!mentions.contains(a)) {
                mentions.add(a);
            }
        }
        MastodonStatus s = new MastodonStatus(nextId(), author, text, visibility, parent == null ? null : parent.id,
                parent == null ? null : parent.account.id, mentions, null, now(), key);
        author.statuses++; // before the notifications, which stream the author as it is now
        synchronized (statuses) {
            statuses.add(s);
            for (MastodonAccount mentioned : mentions) {
                if (mentioned != author) {
                    notify(new MastodonNotification(nextId(), "mention", mentioned, author, s, s.createdAt));
                }
            }
        }
        return s;
    }

    private ApiResponse deleteStatus(ApiRequest r) {
        MastodonAccount me = caller(r);
        MastodonStatus s = find(r.pathParam("id"));
        if (s == null || s.deleted() || s.account != me) {
            throw notFound();
        }
        s.delete();
        Map<String, Object> json = s.toJson();
        json.put("text", s.text);
        return ApiResponse.json(200, json);
    }

    private ApiResponse reblog(ApiRequest r) {
        MastodonAccount me = caller(r);
        MastodonStatus original = visible(r.pathParam("id"), me);
        MastodonStatus boost = new MastodonStatus(nextId(), me, "", "public", null, null, List.of(), original, now(), null);
        synchronized (statuses) {
            statuses.add(boost);
            if (original.account != me) {
                notify(new MastodonNotification(nextId(), "reblog", original.account, me, original, boost.createdAt));
            }
        }
        return ApiResponse.json(200, boost.toJson());
    }

    private ApiResponse favourite(ApiRequest r) {
        MastodonAccount me = caller(r);
        MastodonStatus s = visible(r.pathParam("id"), me);
        synchronized (statuses) {
            if (s.account != me) {
                notify(new MastodonNotification(nextId(), "favourite", s.account, me, s, now()));
            }
        }
        return ApiResponse.json(200, s.toJson());
    }

    private ApiResponse putAccount(ApiRequest r) {
        String acct = r.pathParam("acct");
        if (!CONTROL_ACCT.matcher(acct).matches()) {
            throw unprocessable("an acct is 1-30 letters, digits or _, optionally @ and a domain name, got " + acct);
        }
        JsonNode body = server.jsonBody(r);
        MastodonAccount a = account(acct);
        if (body.hasNonNull("display_name")) {
            a.displayName = body.get("display_name").asText();
        }
        if (body.has("followers_count")) {
            a.followers = body.get("followers_count").asLong();
        }
        if (body.has("bot")) {
            a.bot = body.get("bot").asBoolean();
        }
        if (body.hasNonNull("note")) {
            a.note = body.get("note").asText();
        }
        if (body.hasNonNull("url")) {
            a.profileUrl = body.get("url").asText(); // another server may publish any profile address
        }
        return ApiResponse.json(200, a.toJson());
    }

    // ---- helpers of the Mastodon dialect

    /** JSON or form-encoded, as Mastodon accepts both. */
    private JsonNode body(ApiRequest r) {
        String type = r.header("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode node = ApiServer.JSON.createObjectNode();
            ApiRequest.parseQuery(r.body()).forEach((k, v) -> node.put(k, v.isEmpty() ? "" : v.get(0)));
            return node;
        }
        return server.jsonBody(r);
    }

    private MastodonStatus visible(String id, MastodonAccount viewer) {
        MastodonStatus s = find(id);
        if (s == null || s.deleted() || !s.visibleTo(viewer)) {
            throw notFound();
        }
        return s;
    }

    private MastodonStatus find(String id) {
        if (id == null) {
            return null;
        }
        synchronized (statuses) {
            return statuses.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
        }
    }

    private List<Map<String, Object>> controlView() {
        synchronized (statuses) {
            return statuses.stream().filter(Predicate.not(MastodonStatus::deleted)).map(MastodonStatus::toControlJson).toList();
        }
    }

    private void reset() {
        streaming.reset();
        synchronized (statuses) {
            statuses.clear();
            notifications.clear();
            rawNotifications.clear();
        }
        accountsByAcct.keySet().removeIf(Predicate.not(brand.acct.toLowerCase(Locale.ROOT)::equals));
        accountsById.keySet().removeIf(Predicate.not(brand.id::equals));
    }

    private static int limit(ApiRequest r) {
        String v = r.param("limit");
        if (v == null) {
            return 40;
        }
        try {
            return Math.max(1, Math.min(80, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            throw unprocessable("limit must be a number");
        }
    }

    private static long id(ApiRequest r, String name, long fallback) {
        String v = r.param(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw unprocessable(name + " must be a status or notification id");
        }
    }

    /** Mastodon counts every URL as 23 characters and a mention {@code @user@domain} as {@code @user}. */
    static int length(String text) {
        String counted = MENTION.matcher(text).replaceAll("@$1");
        Matcher m = URL.matcher(counted);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += counted.codePointCount(last, m.start()) + 23;
            last = m.end();
        }
        return length + counted.codePointCount(last, counted.length());
    }
}
