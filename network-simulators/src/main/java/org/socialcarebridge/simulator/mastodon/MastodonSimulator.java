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
    private final AtomicLong sequence = new AtomicLong();

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
        server.route("PUT", "/sim/accounts/{acct}", 0, this::putAccount);
        server.route("GET", "/sim/statuses", 0, r -> ApiResponse.json(200, controlView()));
        server.route("POST", "/sim/statuses", 0, this::simPost);
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

    @Override
    public void close() {
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
            MastodonAccount a = new MastodonAccount(id, acct, "2020-01-01T00:00:00.000Z", baseUrlOf());
            accountsById.put(id, a);
            return a;
        });
    }

    private String baseUrlOf() {
        return server == null ? "http://127.0.0.1" : baseUrl();
    }

    private MastodonAccount caller(ApiRequest r) {
        String bearer = r.bearer();
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
        ApiResponse response = ApiResponse.json(200, page.stream().map(MastodonNotification::toJson).toList());
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

    private ApiResponse simPost(ApiRequest r) {
        JsonNode body = server.jsonBody(r);
        String acct = body.path("acct").asText("");
        if (!acct.matches("\\w{1,30}")) {
            throw unprocessable("acct must be 1-30 letters, digits or _");
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
        if (length > MAX_STATUS_LENGTH) {
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
        synchronized (statuses) {
            statuses.add(s);
            for (MastodonAccount mentioned : mentions) {
                if (mentioned != author) {
                    notifications.add(new MastodonNotification(nextId(), "mention", mentioned, author, s, s.createdAt));
                }
            }
        }
        author.statuses++;
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
                notifications.add(new MastodonNotification(nextId(), "reblog", original.account, me, original, boost.createdAt));
            }
        }
        return ApiResponse.json(200, boost.toJson());
    }

    private ApiResponse favourite(ApiRequest r) {
        MastodonAccount me = caller(r);
        MastodonStatus s = visible(r.pathParam("id"), me);
        synchronized (statuses) {
            if (s.account != me) {
                notifications.add(new MastodonNotification(nextId(), "favourite", s.account, me, s, now()));
            }
        }
        return ApiResponse.json(200, s.toJson());
    }

    private ApiResponse putAccount(ApiRequest r) {
        String acct = r.pathParam("acct");
        if (!acct.matches("\\w{1,30}")) {
            throw unprocessable("an acct is 1-30 letters, digits or _");
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
        // Test controls for what other servers send: a remote account's domain (any length) and profile link.
        if (body.has("domain")) {
            a.domain = body.get("domain").asText(null);
        }
        if (body.has("url")) {
            a.profileUrl = body.get("url").asText(null);
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
        synchronized (statuses) {
            statuses.clear();
            notifications.clear();
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
