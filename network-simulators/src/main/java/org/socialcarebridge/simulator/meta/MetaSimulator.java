package org.socialcarebridge.simulator.meta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.socialcarebridge.simulator.ApiException;
import org.socialcarebridge.simulator.ApiRequest;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;

/**
 * A local Meta Graph API (v23.0) for one Facebook Page, for tests and the demo: Page comments
 * (public replies, once-only private replies within 7 days, hiding), Messenger (the 24-hour window,
 * {@code HUMAN_AGENT} up to 7 days, mark-as-read), the reads a plugin recovers with (feed, comments,
 * conversations, messages) and the app's subscription on the Page; and Meta's webhooks, signed,
 * batched and retried (see {@link MetaWebhooks}). Windows run on the simulator's own clock, which
 * {@code POST /sim/clock} moves forward. The Page token is accepted as {@code access_token} (query or
 * body) or as a bearer token. The Instagram account linked to the Page ({@link InstagramAccount}) and a
 * WhatsApp Cloud API number ({@link WhatsAppCloud}) share the server, the clock, the webhooks and the
 * sent log; the generic routes ({@code GET /{id}}, {@code POST /{id}/messages}...) hand their ids to them.
 */
public final class MetaSimulator implements AutoCloseable {
    public static final String VERSION = "/v23.0";
    static final String APP_ID = "900000000000001";
    static final String APP_NAME = "Social Care Bridge";
    static final Set<String> KNOWN_FIELDS = Set.of("feed", "messages", "message_echoes", "message_reads",
            "messaging_postbacks", "messaging_handovers", "standby", "mention");
    static final long WINDOW_SECONDS = 24 * 3600;
    static final long HUMAN_AGENT_SECONDS = 7 * 24 * 3600;
    static final long PRIVATE_REPLY_SECONDS = 7 * 24 * 3600;
    static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    /**
     * How to start one: {@code port} 0 picks a free one; {@code callbackUrl} is where webhooks go. The
     * Page token, app secret and verify token have no default (the demo generates its own, tests use
     * random ones): {@link #withSecrets} must give all three before {@link MetaSimulator#start}.
     */
    public record Config(int port, String pageName, String pageToken, String appSecret, String verifyToken,
                         String callbackUrl, boolean subscribed, int rateLimitMultiplier, String whatsappToken) {
        /** The demo's port, Page name and callback, subscribed; no secrets yet. */
        public static Config defaults() {
            return new Config(8088, "acme", null, null, null, "http://127.0.0.1:8181/socialcare/webhooks/meta", true, 1, null);
        }

        /** The secrets that are missing, by what SimulatorMain reads them from; empty when all four are set. */
        public List<String> missingSecrets() {
            List<String> missing = new ArrayList<>();
            if (pageToken == null || pageToken.isBlank()) {
                missing.add("SIM_META_PAGE_TOKEN (the Page token)");
            }
            if (appSecret == null || appSecret.isBlank()) {
                missing.add("SIM_META_APP_SECRET (the app secret)");
            }
            if (verifyToken == null || verifyToken.isBlank()) {
                missing.add("SIM_META_VERIFY_TOKEN (the verify token)");
            }
            if (whatsappToken == null || whatsappToken.isBlank()) {
                missing.add("SIM_WHATSAPP_TOKEN (the WhatsApp system-user token)");
            }
            return missing;
        }

        public Config withPort(int p) {
            return new Config(p, pageName, pageToken, appSecret, verifyToken, callbackUrl, subscribed, rateLimitMultiplier, whatsappToken);
        }

        public Config withCallbackUrl(String url) {
            return new Config(port, pageName, pageToken, appSecret, verifyToken, url, subscribed, rateLimitMultiplier, whatsappToken);
        }

        public Config withSubscribed(boolean s) {
            return new Config(port, pageName, pageToken, appSecret, verifyToken, callbackUrl, s, rateLimitMultiplier, whatsappToken);
        }

        public Config withSecrets(String token, String secret, String verify) {
            return new Config(port, pageName, token, secret, verify, callbackUrl, subscribed, rateLimitMultiplier, whatsappToken);
        }

        public Config withPageName(String name) {
            return new Config(port, name, pageToken, appSecret, verifyToken, callbackUrl, subscribed, rateLimitMultiplier, whatsappToken);
        }

        public Config withRateLimitMultiplier(int m) {
            return new Config(port, pageName, pageToken, appSecret, verifyToken, callbackUrl, subscribed, m, whatsappToken);
        }

        /** The WhatsApp Business Account's system-user token (Cloud API calls), required like the other secrets. */
        public Config withWhatsAppToken(String token) {
            return new Config(port, pageName, pageToken, appSecret, verifyToken, callbackUrl, subscribed, rateLimitMultiplier, token);
        }

        /** The secrets masked: a Config may be printed, its secrets never. */
        @Override
        public String toString() {
            return "Config[port=" + port + ", pageName=" + pageName + ", callbackUrl=" + callbackUrl + ", subscribed="
                    + subscribed + ", rateLimitMultiplier=" + rateLimitMultiplier + ", pageToken=****, appSecret=****,"
                    + " verifyToken=****, whatsappToken=****]";
        }
    }

    private record Person(String id, String name) {
        Map<String, Object> json() {
            return Map.of("id", id, "name", name);
        }
    }

    private static final class Post {
        final String id;
        final Person from;
        final String message;
        final Instant created;
        Instant updated;

        Post(String id, Person from, String message, Instant created) {
            this.id = id;
            this.from = from;
            this.message = message;
            this.created = created;
            this.updated = created;
        }
    }

    private static final class Comment {
        final String id;
        final Post post;
        final Comment parent;
        final Person from;
        final String message;
        final Instant created;
        boolean hidden;
        String privateReplyMid;

        Comment(String id, Post post, Comment parent, Person from, String message, Instant created) {
            this.id = id;
            this.post = post;
            this.parent = parent;
            this.from = from;
            this.message = message;
            this.created = created;
        }
    }

    private record Message(String mid, Person person, boolean fromPage, String text, Instant at) {
    }

    private static final class Conversation {
        final String id;
        final Person person;
        final List<Message> messages = new ArrayList<>();
        Instant lastInbound;
        String lastInboundMid;

        Conversation(String id, Person person) {
            this.id = id;
            this.person = person;
        }

        Instant updated() {
            return messages.isEmpty() ? Instant.EPOCH : messages.get(messages.size() - 1).at();
        }
    }

    private final Config config;
    private final ApiServer server;
    private final Person page;
    private final AtomicLong clockOffsetSeconds = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    final MetaWebhooks webhooks;
    private final InstagramAccount instagram;
    private final WhatsAppCloud whatsapp;
    // Guarded by this.
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, Conversation> threads = new LinkedHashMap<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final List<Map<String, Object>> actions = new ArrayList<>();

    private MetaSimulator(Config config) throws IOException {
        List<String> missing = config.missingSecrets();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The Meta simulator has no default secrets; give " + String.join(", ", missing)
                    + " (Config.withSecrets, Config.withWhatsAppToken; ./socialcare demo generates them into the demo's"
                    + " credentials file)");
        }
        this.config = config;
        this.page = new Person(derivedId("page:" + config.pageName().toLowerCase(Locale.ROOT)), config.pageName());
        MetaDialect dialect = new MetaDialect(page.id());
        this.server = new ApiServer(config.port(), dialect);
        this.webhooks = new MetaWebhooks(this::now, config.callbackUrl(), config.appSecret(), config.verifyToken(),
                config.subscribed() ? Set.of("feed", "messages") : null);
        int limit = 4800 * Math.max(1, config.rateLimitMultiplier());
        // Before the generic routes: a product's own paths (/{id}/media, /{id}/message_templates...) are its alone.
        this.instagram = new InstagramAccount(this);
        this.whatsapp = new WhatsAppCloud(this, config.whatsappToken());
        instagram.routes(server, limit);
        whatsapp.routes(server, limit);
        server.route("GET", VERSION + "/{id}/subscribed_apps", limit, this::subscribedApps);
        server.route("POST", VERSION + "/{id}/subscribed_apps", limit, this::subscribe);
        server.route("DELETE", VERSION + "/{id}/subscribed_apps", limit, this::unsubscribe);
        server.route("POST", VERSION + "/{id}/messages", limit, this::sendMessage);
        server.route("GET", VERSION + "/{id}/messages", limit, this::threadMessages);
        server.route("POST", VERSION + "/{id}/comments", limit, this::replyToComment);
        server.route("GET", VERSION + "/{id}/comments", limit, this::readComments);
        server.route("GET", VERSION + "/{id}/feed", limit, this::readFeed);
        server.route("GET", VERSION + "/{id}/conversations", limit, this::readConversations);
        server.route("GET", VERSION + "/{id}", limit, this::readNode);
        server.route("POST", VERSION + "/{id}", limit, this::updateComment);
        server.route("POST", "/sim/facebook/comments", 0, this::simComment);
        server.route("POST", "/sim/messenger/messages", 0, this::simMessage);
        server.route("GET", "/sim/sent", 0, r -> ApiResponse.json(200, sent()));
        server.route("GET", "/sim/webhooks", 0, r -> ApiResponse.json(200, webhooks.deliveries()));
        server.route("POST", "/sim/clock", 0, this::advanceClock);
        server.route("GET", "/sim/messenger/actions", 0, r -> ApiResponse.json(200, actions()));
        server.acceptWebhookFaults(this::webhookFault);
        server.invalidRequestAs(detail -> MetaDialect.graph(400, 100, null, "OAuthException", "(#100) " + detail, false));
        server.onReset(this::reset);
        server.start();
    }

    public static MetaSimulator start(Config config) throws IOException {
        return new MetaSimulator(config);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String pageId() {
        return page.id();
    }

    /** The Instagram professional account linked to the Page. */
    public String instagramAccountId() {
        return InstagramAccount.ACCOUNT_ID;
    }

    /** The WhatsApp Business Account. */
    public String whatsappBusinessAccountId() {
        return WhatsAppCloud.BUSINESS_ACCOUNT_ID;
    }

    /** The WhatsApp business phone number's id (the Cloud API's sender). */
    public String whatsappPhoneNumberId() {
        return WhatsAppCloud.PHONE_NUMBER_ID;
    }

    /** Attempts every webhook delivery due now on the caller's thread, so a test sees exactly what went out. */
    public void deliverDue() {
        webhooks.flush();
    }

    /** The simulator's clock: the wall clock plus what {@code POST /sim/clock} added. */
    public Instant now() {
        return Instant.now().plusSeconds(clockOffsetSeconds.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        webhooks.close();
        server.close();
    }

    // ---- identities and ids

    /** A stable numeric id per name, as Meta's ids are numeric strings (FNV-1a, 15 digits). */
    static String derivedId(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return String.valueOf(100_000_000_000_000L + Long.remainderUnsigned(h, 900_000_000_000_000L));
    }

    /**
     * One person has one id on the Page here, for comments and Messenger alike (the page-scoped id), so
     * the plugin can join a commenter's Messenger thread to their open ticket.
     */
    private synchronized Person person(String name) {
        return people.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Person(derivedId("person:" + k), name));
    }

    String nextNumber() {
        return String.valueOf(now().toEpochMilli() * 1000 + sequence.incrementAndGet() % 1000);
    }

    private static void authorize(ApiRequest r, Map<String, JsonNode> params, String expected) {
        String token = r.bearer();
        if (token == null && params.containsKey("access_token")) {
            token = params.get("access_token").asText();
        }
        if (token == null || token.isEmpty()) {
            throw new ApiException(MetaDialect.graph(400, 104, null, "OAuthException",
                    "An access token is required to request this resource.", false));
        }
        if (!java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(MetaDialect.graph(400, 190, null, "OAuthException",
                    "Invalid OAuth access token - Cannot parse access token", false));
        }
    }

    /**
     * The request's parameters as the Graph API reads them: the query, then a form or JSON body; a
     * form value that holds JSON (recipient={"id":"…"}) is read as JSON, as Graph does.
     */
    Map<String, JsonNode> params(ApiRequest r) {
        return params(r, config.pageToken());
    }

    /** The same, for a product with its own token (WhatsApp's system user). */
    Map<String, JsonNode> params(ApiRequest r, String token) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        r.query().forEach((k, v) -> all.put(k, readValue(v.get(0))));
        String body = r.body();
        if (body != null && !body.isBlank()) {
            String type = String.valueOf(r.header("Content-Type")).toLowerCase(Locale.ROOT);
            if (type.contains("json") || body.strip().startsWith("{")) {
                server.jsonBody(r).fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
            } else {
                ApiRequest.parseQuery(body.strip()).forEach((k, v) -> all.put(k, readValue(v.get(0))));
            }
        }
        authorize(r, all, token);
        return all;
    }

    private static JsonNode readValue(String raw) {
        String t = raw.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return ApiServer.JSON.readTree(t);
            } catch (IOException e) {
                throw MetaDialect.refuse(100, null, "(#100) The parameter value is not valid JSON: " + raw);
            }
        }
        return TextNode.valueOf(raw);
    }

    static String text(Map<String, JsonNode> p, String name) {
        JsonNode v = p.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    static ApiException unsupported(String method, String id) {
        return new ApiException(MetaDialect.graph(400, 100, 33, "GraphMethodException", "Unsupported " + method
                + " request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions,"
                + " or does not support this operation. Please read the Graph API documentation at"
                + " https://developers.facebook.com/docs/graph-api", false));
    }

    /** {@code me} is the Page itself when the caller holds the Page token, as on Graph. */
    private String resolve(String id) {
        return "me".equals(id) ? page.id() : id;
    }

    private void requirePage(String method, String id) {
        if (!page.id().equals(resolve(id))) {
            throw unsupported(method, id);
        }
    }

    // ---- subscription

    private ApiResponse subscribedApps(ApiRequest r) {
        params(r);
        requirePage("get", r.pathParam("id"));
        Set<String> fields = webhooks.subscription();
        if (fields == null) {
            return ApiResponse.json(200, Map.of("data", List.of()));
        }
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("category", "Business");
        app.put("link", "https://www.facebook.com/games/?app_id=" + APP_ID);
        app.put("name", APP_NAME);
        app.put("id", APP_ID);
        app.put("subscribed_fields", fields.stream().sorted().toList());
        return ApiResponse.json(200, Map.of("data", List.of(app)));
    }

    private ApiResponse subscribe(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        requirePage("post", r.pathParam("id"));
        String raw = text(p, "subscribed_fields");
        if (raw == null || raw.isBlank()) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter subscribed_fields is required, e.g."
                    + " subscribed_fields=feed,messages");
        }
        Set<String> fields = new LinkedHashSet<>();
        JsonNode node = p.get("subscribed_fields");
        List<String> names = node.isArray() ? new ArrayList<>() : Arrays.asList(raw.split(","));
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        }
        for (String f : names) {
            String field = f.strip();
            if (!KNOWN_FIELDS.contains(field)) {
                throw MetaDialect.refuse(100, null, "(#100) Param subscribed_fields[" + field + "] must be one of "
                        + new java.util.TreeSet<>(KNOWN_FIELDS));
            }
            fields.add(field);
        }
        String failure = webhooks.subscribe(fields);
        if (failure != null) {
            throw MetaDialect.refuse(2200, null, "(#2200) Callback verification failed with the following errors: "
                    + failure + "; the callback must answer GET hub.mode=subscribe with hub.challenge when"
                    + " hub.verify_token matches");
        }
        return ApiResponse.json(200, Map.of("success", true));
    }

    private ApiResponse unsubscribe(ApiRequest r) {
        params(r);
        requirePage("delete", r.pathParam("id"));
        webhooks.unsubscribe();
        return ApiResponse.json(200, Map.of("success", true));
    }

    // ---- sending

    private ApiResponse sendMessage(ApiRequest r) {
        if (whatsapp.knows(r.pathParam("id"))) {
            return whatsapp.send(r);
        }
        Map<String, JsonNode> p = params(r);
        if (instagram.knows(r.pathParam("id"))) {
            return instagram.send(r, p);
        }
        requirePage("post", r.pathParam("id"));
        JsonNode recipient = p.get("recipient");
        if (recipient == null || !recipient.isObject()) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter recipient is required, e.g."
                    + " recipient={\"id\":\"<PSID>\"} or recipient={\"comment_id\":\"<comment id>\"}");
        }
        String action = text(p, "sender_action");
        JsonNode message = p.get("message");
        synchronized (this) {
            if (recipient.hasNonNull("comment_id") || recipient.hasNonNull("post_id")) {
                return privateReply(recipient, message);
            }
            String psid = recipient.path("id").asText("");
            Conversation thread = threadOf(psid);
            if (thread == null) {
                throw MetaDialect.refuse(100, 2018001, "(#100) No matching user found");
            }
            if (action != null) {
                if (!Set.of("mark_seen", "typing_on", "typing_off").contains(action.toLowerCase(Locale.ROOT))) {
                    throw MetaDialect.refuse(100, null, "(#100) Param sender_action must be one of {MARK_SEEN, TYPING_ON,"
                            + " TYPING_OFF}, got " + action);
                }
                if (message != null) {
                    throw MetaDialect.refuse(100, null, "(#100) sender_action cannot be sent with message");
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("psid", psid);
                a.put("sender_action", action.toUpperCase(Locale.ROOT));
                a.put("last_inbound_mid", thread.lastInboundMid);
                a.put("time", now().toString());
                actions.add(a);
                return ApiResponse.json(200, Map.of("recipient_id", psid));
            }
            String text = messageText(message);
            String tag = text(p, "tag");
            requireWindow(thread.lastInbound, now(), text(p, "messaging_type"), tag);
            String mid = "m_" + nextNumber();
            thread.messages.add(new Message(mid, thread.person, true, text, now()));
            recordSent("messenger", "message", psid, thread.lastInboundMid, text, tag);
            echo(thread.person, mid, text);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("recipient_id", psid);
            answer.put("message_id", mid);
            return ApiResponse.json(200, answer);
        }
    }

    /**
     * Messenger's rules, Instagram's too: RESPONSE within 24 hours of the person's last message,
     * MESSAGE_TAG with tag HUMAN_AGENT within 7 days; otherwise (#10) subcode 2018278.
     */
    static void requireWindow(Instant lastInbound, Instant now, String type, String tag) {
        if (type == null) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter messaging_type is required: RESPONSE inside"
                    + " the 24-hour window, MESSAGE_TAG with tag=HUMAN_AGENT after it");
        }
        if (!Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)) {
            throw MetaDialect.refuse(100, null, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE,"
                    + " MESSAGE_TAG}, got " + type);
        }
        if ("MESSAGE_TAG".equals(type) != (tag != null)) {
            throw MetaDialect.refuse(100, null, "(#100) tag is required with messaging_type=MESSAGE_TAG and only"
                    + " then; got messaging_type=" + type + ", tag=" + tag);
        }
        if (tag != null && !"HUMAN_AGENT".equals(tag)) {
            throw MetaDialect.refuse(100, null, "(#100) The simulator knows only tag=HUMAN_AGENT, got " + tag);
        }
        long since = lastInbound == null ? Long.MAX_VALUE
                : Duration.between(lastInbound, now).getSeconds();
        boolean allowed = since < WINDOW_SECONDS || (tag != null && since < HUMAN_AGENT_SECONDS);
        if (!allowed) {
            throw MetaDialect.refuse(10, 2018278, "(#10) This message is sent outside of allowed window. Learn more"
                    + " about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview");
        }
    }

    /** A private reply to a comment: once per comment, within 7 days of it; it opens a thread but no window. */
    private ApiResponse privateReply(JsonNode recipient, JsonNode message) {
        String id = recipient.hasNonNull("comment_id") ? recipient.get("comment_id").asText() : recipient.get("post_id").asText();
        Comment c = comments.get(id);
        if (c == null) {
            throw MetaDialect.refuse(100, null, "(#100) Invalid parameter: recipient.comment_id " + id
                    + " is not a comment on this Page");
        }
        String text = messageText(message);
        requirePrivateReply(c.privateReplyMid, c.created, now());
        Conversation thread = threads.computeIfAbsent(c.from.id(), k -> new Conversation("t_" + nextNumber(), c.from));
        String mid = "m_" + nextNumber();
        thread.messages.add(new Message(mid, c.from, true, text, now()));
        c.privateReplyMid = mid;
        recordSent("facebook", "private_reply", c.from.id(), c.id, text, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recipient_id", c.from.id());
        answer.put("message_id", mid);
        return ApiResponse.json(200, answer);
    }

    /** One private reply per comment (10900), within 7 days of it (10903): Facebook's rule and Instagram's. */
    static void requirePrivateReply(String earlierReply, Instant commented, Instant now) {
        if (earlierReply != null) {
            throw MetaDialect.refuse(10900, null, "(#10900) Activity already replied to");
        }
        if (Duration.between(commented, now).getSeconds() >= PRIVATE_REPLY_SECONDS) {
            throw MetaDialect.refuse(10903, null, "(#10903) This activity can't be replied to");
        }
    }

    static String messageText(JsonNode message) {
        String text = message == null ? null : message.path("text").asText(null);
        if (text == null || text.isBlank()) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter message must hold a text, e.g. message={\"text\":\"Hello\"}");
        }
        if (text.length() > 2000) {
            throw MetaDialect.refuse(100, null, "(#100) Length of param message[text] must be less than or equal to 2000,"
                    + " got " + text.length());
        }
        return text;
    }

    private ApiResponse replyToComment(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        String target = r.pathParam("id");
        String text = text(p, "message");
        synchronized (this) {
            Comment parent = comments.get(target);
            Post post = parent != null ? parent.post : posts.get(target);
            if (post == null) {
                throw unsupported("post", target);
            }
            if (text == null || text.isBlank()) {
                throw MetaDialect.refuse(100, null, "(#100) The parameter message is required (the reply's text)");
            }
            // Facebook threads one level deep: a reply to a reply lands under the top-level comment.
            Comment top = parent == null ? null : parent.parent != null ? parent.parent : parent;
            Comment reply = new Comment(post.id.substring(post.id.indexOf('_') + 1) + "_" + nextNumber(), post, top, page, text, now());
            comments.put(reply.id, reply);
            post.updated = reply.created;
            recordSent("facebook", "comment_reply", parent == null ? post.from.id() : parent.from.id(), target, text, null);
            publishComment(reply);
            return ApiResponse.json(200, Map.of("id", reply.id));
        }
    }

    private ApiResponse updateComment(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        String id = r.pathParam("id");
        if (instagram.knows(id)) {
            return instagram.hide(r, p);
        }
        synchronized (this) {
            Comment c = comments.get(id);
            if (c == null) {
                throw unsupported("post", id);
            }
            String hidden = text(p, "is_hidden");
            if (hidden == null || !Set.of("true", "false").contains(hidden)) {
                throw MetaDialect.refuse(100, null, "(#100) The simulator updates only is_hidden=true|false on a comment,"
                        + " got is_hidden=" + hidden);
            }
            if (c.from.equals(page)) {
                throw MetaDialect.refuse(100, null, "(#100) A Page cannot hide its own comment " + id);
            }
            c.hidden = Boolean.parseBoolean(hidden);
            return ApiResponse.json(200, Map.of("success", true));
        }
    }

    /** Adds to what {@code GET /sim/sent} lists (under this simulator's lock); a product adds its own fields to the answer. */
    Map<String, Object> recordSent(String channel, String kind, String to, String inReplyTo, String text, String tag) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("channel", channel);
        s.put("kind", kind);
        s.put("to", to);
        s.put("in_reply_to", inReplyTo);
        s.put("text", text);
        s.put("tag", tag);
        s.put("time", now().toString());
        sent.add(s);
        return s;
    }

    // ---- reading

    private ApiResponse readNode(ApiRequest r) {
        if (whatsapp.knows(r.pathParam("id"))) {
            return whatsapp.readNode(r);
        }
        Map<String, JsonNode> p = params(r);
        if (instagram.knows(r.pathParam("id"))) {
            return instagram.readNode(r, p);
        }
        String id = resolve(r.pathParam("id"));
        synchronized (this) {
            if (page.id().equals(id)) {
                return ApiResponse.json(200, page.json());
            }
            if (posts.containsKey(id)) {
                return ApiResponse.json(200, postJson(posts.get(id)));
            }
            if (comments.containsKey(id)) {
                return ApiResponse.json(200, commentJson(comments.get(id)));
            }
            for (Conversation t : threads.values()) {
                if (t.id.equals(id)) {
                    return ApiResponse.json(200, threadJson(t));
                }
            }
            // The User Profile API: a person who messaged the Page, by their page-scoped id.
            Conversation thread = threads.get(id);
            if (thread != null) {
                String name = thread.person.name();
                int space = name.indexOf(' ');
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("id", id);
                profile.put("name", name);
                profile.put("first_name", space < 0 ? name : name.substring(0, space));
                profile.put("last_name", space < 0 ? "" : name.substring(space + 1));
                return ApiResponse.json(200, profile);
            }
        }
        throw unsupported("get", id);
    }

    private ApiResponse readFeed(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        requirePage("get", r.pathParam("id"));
        Instant since = time(p, "since");
        List<Map<String, Object>> items;
        synchronized (this) {
            // Newest activity first; updated_time moves when someone comments, so since finds old posts with new comments.
            items = posts.values().stream().filter(x -> since == null || !x.updated.isBefore(since))
                    .sorted(Comparator.comparing((Post x) -> x.updated).reversed()).map(this::postJson).toList();
        }
        return page(r, p, items);
    }

    private ApiResponse readComments(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        String id = r.pathParam("id");
        if (instagram.knows(id)) {
            return instagram.readComments(r, p);
        }
        Instant since = time(p, "since");
        boolean stream = "stream".equals(text(p, "filter"));
        boolean newestFirst = "reverse_chronological".equals(text(p, "order"));
        List<Map<String, Object>> items;
        synchronized (this) {
            Comment parent = comments.get(id);
            Post post = parent != null ? parent.post : posts.get(id);
            if (post == null) {
                throw unsupported("get", id);
            }
            Comparator<Comment> order = Comparator.comparing((Comment c) -> c.created);
            items = comments.values().stream().filter(c -> c.post == post)
                    .filter(c -> parent != null ? c.parent == parent : stream || c.parent == null)
                    .filter(c -> since == null || !c.created.isBefore(since))
                    .sorted(newestFirst ? order.reversed() : order).map(this::commentJson).toList();
        }
        return page(r, p, items);
    }

    private ApiResponse readConversations(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        String platform = text(p, "platform");
        if (instagram.knows(r.pathParam("id")) || "instagram".equalsIgnoreCase(String.valueOf(platform))) {
            // Instagram threads, on the Instagram account or on its linked Page with platform=instagram.
            if (!instagram.knows(r.pathParam("id"))) {
                requirePage("get", r.pathParam("id"));
            }
            return instagram.readConversations(r, p);
        }
        requirePage("get", r.pathParam("id"));
        if (platform != null && !"MESSENGER".equals(platform)) {
            throw MetaDialect.refuse(100, null, "(#100) Param platform must be one of {MESSENGER, INSTAGRAM}, got " + platform);
        }
        Instant since = time(p, "since");
        String user = text(p, "user_id");
        List<Map<String, Object>> items;
        synchronized (this) {
            items = threads.values().stream().filter(t -> user == null || t.person.id().equals(user))
                    .filter(t -> since == null || !t.updated().isBefore(since))
                    .sorted(Comparator.comparing(Conversation::updated).reversed()).map(this::threadJson).toList();
        }
        return page(r, p, items);
    }

    private ApiResponse threadMessages(ApiRequest r) {
        Map<String, JsonNode> p = params(r);
        String id = r.pathParam("id");
        if (instagram.knows(id)) {
            return instagram.threadMessages(r, p);
        }
        List<Map<String, Object>> items;
        synchronized (this) {
            Conversation thread = threads.values().stream().filter(t -> t.id.equals(id)).findFirst().orElseThrow(() -> unsupported("get", id));
            List<Message> newestFirst = new ArrayList<>(thread.messages);
            java.util.Collections.reverse(newestFirst);
            items = newestFirst.stream().map(m -> messageJson(thread, m)).toList();
        }
        return page(r, p, items);
    }

    private Map<String, Object> postJson(Post x) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", x.id);
        j.put("message", x.message);
        j.put("from", x.from.json());
        j.put("created_time", GRAPH_TIME.format(x.created));
        j.put("updated_time", GRAPH_TIME.format(x.updated));
        j.put("permalink_url", "https://www.facebook.com/" + x.id);
        return j;
    }

    private Map<String, Object> commentJson(Comment c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", c.id);
        j.put("message", c.message);
        j.put("from", c.from.json());
        j.put("created_time", GRAPH_TIME.format(c.created));
        j.put("parent", Map.of("id", c.parent != null ? c.parent.id : c.post.id));
        j.put("post_id", c.post.id);
        j.put("is_hidden", c.hidden);
        j.put("can_reply_privately", !c.from.equals(page) && c.privateReplyMid == null
                && Duration.between(c.created, now()).getSeconds() < PRIVATE_REPLY_SECONDS);
        j.put("permalink_url", "https://www.facebook.com/" + c.post.id + "?comment_id=" + c.id);
        if (c.privateReplyMid != null) {
            j.put("private_reply_conversation", Map.of("id", threads.get(c.from.id()).id));
        }
        return j;
    }

    private Map<String, Object> threadJson(Conversation t) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", t.id);
        j.put("updated_time", GRAPH_TIME.format(t.updated()));
        j.put("message_count", t.messages.size());
        j.put("participants", Map.of("data", List.of(t.person.json(), page.json())));
        return j;
    }

    private Map<String, Object> messageJson(Conversation t, Message m) {
        Person from = m.fromPage() ? page : t.person;
        Person to = m.fromPage() ? t.person : page;
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.mid());
        j.put("created_time", GRAPH_TIME.format(m.at()));
        j.put("from", from.json());
        j.put("to", Map.of("data", List.of(to.json())));
        j.put("message", m.text());
        return j;
    }

    /** Graph's cursor pagination: {@code limit} (25, at most 100) and {@code after}, an opaque cursor. */
    ApiResponse page(ApiRequest r, Map<String, JsonNode> p, List<Map<String, Object>> all) {
        int limit;
        int start;
        try {
            limit = p.containsKey("limit") ? Integer.parseInt(text(p, "limit")) : 25;
            String after = text(p, "after");
            start = after == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw MetaDialect.refuse(100, null, "(#100) limit must be a number from 1 to 100 and after a cursor from"
                    + " paging.cursors.after; got limit=" + text(p, "limit") + ", after=" + text(p, "after"));
        }
        if (limit < 1 || limit > 100 || start < 0) {
            throw MetaDialect.refuse(100, null, "(#100) limit must be from 1 to 100, got " + limit);
        }
        List<Map<String, Object>> data = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        if (!data.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            Map<String, Object> cursors = new LinkedHashMap<>();
            cursors.put("before", cursor(start));
            cursors.put("after", cursor(start + data.size()));
            paging.put("cursors", cursors);
            if (start + data.size() < all.size()) {
                paging.put("next", baseUrl() + r.path() + "?limit=" + limit + "&after=" + cursor(start + data.size()));
            }
            body.put("paging", paging);
        }
        return ApiResponse.json(200, body);
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(String.valueOf(index).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code since}: a Unix time in seconds (what Graph documents) or an ISO instant. */
    static Instant time(Map<String, JsonNode> p, String name) {
        String v = text(p, name);
        if (v == null) {
            return null;
        }
        try {
            return v.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(v)) : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw MetaDialect.refuse(100, null, "(#100) " + name + " must be a Unix time in seconds, e.g. "
                    + Instant.now().getEpochSecond() + ", got " + v);
        }
    }

    // ---- webhooks

    private void publishComment(Comment c) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", c.from.json());
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("status_type", "mobile_status_update");
        post.put("is_published", true);
        post.put("updated_time", GRAPH_TIME.format(c.post.updated));
        post.put("permalink_url", "https://www.facebook.com/" + c.post.id);
        post.put("promotion_status", "inactive");
        post.put("id", c.post.id);
        value.put("post", post);
        value.put("message", c.message);
        value.put("post_id", c.post.id);
        value.put("comment_id", c.id);
        value.put("created_time", c.created.getEpochSecond());
        value.put("item", "comment");
        value.put("parent_id", c.parent != null ? c.parent.id : c.post.id);
        value.put("verb", "add");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", page.id());
        entry.put("time", now().getEpochSecond());
        entry.put("changes", List.of(Map.of("field", "feed", "value", value)));
        webhooks.publish(new MetaWebhooks.Entry("feed", entry));
    }

    private void publishMessage(Person person, String mid, String text, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sender", Map.of("id", person.id()));
        event.put("recipient", Map.of("id", page.id()));
        event.put("timestamp", at.toEpochMilli());
        event.put("message", Map.of("mid", mid, "text", text));
        messaging("messages", event, at);
    }

    /** Meta echoes what the Page sent to a subscription with {@code message_echoes}. */
    private void echo(Person person, String mid, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("is_echo", true);
        message.put("app_id", Long.parseLong(APP_ID));
        message.put("mid", mid);
        message.put("text", text);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sender", Map.of("id", page.id()));
        event.put("recipient", Map.of("id", person.id()));
        event.put("timestamp", now().toEpochMilli());
        event.put("message", message);
        messaging("message_echoes", event, now());
    }

    private void messaging(String field, Map<String, Object> event, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", page.id());
        entry.put("time", at.toEpochMilli());
        entry.put("messaging", List.of(event));
        webhooks.publish(new MetaWebhooks.Entry(field, entry));
    }

    // ---- control API

    private ApiResponse simComment(ApiRequest r) {
        JsonNode b = server.jsonBody(r);
        String from = b.path("from").asText("");
        String text = b.path("text").asText("");
        if (from.isBlank() || text.isBlank()) {
            throw control("a comment needs 'from' and 'text', e.g. {\"from\":\"Olga\",\"text\":\"My order is late\","
                    + "\"post_id\":\"<optional>\",\"parent_comment_id\":\"<optional>\"}");
        }
        Person person = person(from);
        synchronized (this) {
            Comment parent = null;
            Post post;
            if (b.hasNonNull("parent_comment_id")) {
                parent = comments.get(b.get("parent_comment_id").asText());
                if (parent == null) {
                    throw control("no comment " + b.get("parent_comment_id").asText() + "; use a comment_id an earlier"
                            + " POST /sim/facebook/comments answered");
                }
                parent = parent.parent != null ? parent.parent : parent;
                post = parent.post;
            } else if (b.hasNonNull("post_id")) {
                post = posts.get(b.get("post_id").asText());
                if (post == null) {
                    throw control("no post " + b.get("post_id").asText() + "; leave post_id out to comment on the Page's"
                            + " latest post");
                }
            } else {
                post = posts.values().stream().reduce((a, c) -> c).orElseGet(this::pagePost);
            }
            Comment c = new Comment(post.id.substring(post.id.indexOf('_') + 1) + "_" + nextNumber(), post, parent, person, text,
                    written(b));
            comments.put(c.id, c);
            post.updated = c.created.isAfter(post.updated) ? c.created : post.updated;
            publishComment(c);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("comment_id", c.id);
            answer.put("post_id", post.id);
            answer.put("from_id", person.id());
            return ApiResponse.json(201, answer);
        }
    }

    /** The Page's first post, written when a comment names none. */
    private Post pagePost() {
        Post post = new Post(page.id() + "_" + nextNumber(), page, "Our new autumn range is in the shops today.", now());
        posts.put(post.id, post);
        return post;
    }

    private ApiResponse simMessage(ApiRequest r) {
        JsonNode b = server.jsonBody(r);
        String from = b.path("from").asText("");
        String text = b.path("text").asText("");
        if (from.isBlank() || text.isBlank()) {
            throw control("a message needs 'from' and 'text', e.g. {\"from\":\"Olga\",\"text\":\"Where is my parcel?\"}");
        }
        Person person = person(from);
        synchronized (this) {
            Conversation thread = threads.computeIfAbsent(person.id(), k -> new Conversation("t_" + nextNumber(), person));
            String mid = "m_" + nextNumber();
            Instant at = written(b);
            thread.messages.add(new Message(mid, person, false, text, at));
            thread.lastInbound = at;
            thread.lastInboundMid = mid;
            publishMessage(person, mid, text, at);
            return ApiResponse.json(201, Map.of("psid", person.id(), "mid", mid));
        }
    }

    /**
     * When a customer wrote what the control API plays: now, or {@code age_seconds} ago, a message Meta
     * delivers only now (the plugin's clock is not the simulator's, so a test ages the customer's message
     * rather than moving the simulator's clock past the plugin's).
     */
    Instant written(JsonNode b) {
        if (!b.has("age_seconds")) {
            return now();
        }
        if (!b.get("age_seconds").canConvertToLong() || b.get("age_seconds").asLong() < 0) {
            throw control("age_seconds is how long ago the customer wrote it, a whole number >= 0, got " + b.get("age_seconds"));
        }
        return now().minusSeconds(b.get("age_seconds").asLong());
    }

    private ApiResponse advanceClock(ApiRequest r) {
        JsonNode b = server.jsonBody(r);
        if (!b.path("advance_seconds").canConvertToLong() || b.get("advance_seconds").asLong() < 0) {
            throw control("the clock moves forward only: {\"advance_seconds\": N} with N >= 0, got " + b.get("advance_seconds"));
        }
        clockOffsetSeconds.addAndGet(b.get("advance_seconds").asLong());
        webhooks.clockMoved();
        return ApiResponse.json(200, Map.of("now", now().toString()));
    }

    private ApiResponse webhookFault(JsonNode f) {
        String kind = f.path("webhook").asText("");
        if (!"batch".equals(kind) && !org.socialcarebridge.simulator.WebhookDeliveries.FAULTS.contains(kind)) {
            throw control("a webhook fault is {\"webhook\":\"batch\",\"count\":50} (hold entries until 50 go in one"
                    + " delivery), {\"webhook\":\"duplicate\",\"count\":N} (deliver the next N twice),"
                    + " {\"webhook\":\"forge\",\"count\":N} (sign the next N with a wrong secret),"
                    + " {\"webhook\":\"delay\",\"count\":N,\"seconds\":S} (hold the next N for S seconds) or"
                    + " {\"webhook\":\"reorder\",\"count\":N} (send the next N newest first); got " + f);
        }
        webhooks.fault(f);
        return ApiResponse.json(201, f);
    }

    private synchronized List<Map<String, Object>> sent() {
        return new ArrayList<>(sent);
    }

    private synchronized List<Map<String, Object>> actions() {
        return new ArrayList<>(actions);
    }

    private Conversation threadOf(String psid) {
        return threads.get(psid);
    }

    JsonNode jsonBody(ApiRequest r) {
        return server.jsonBody(r);
    }

    static ApiException control(String detail) {
        return new ApiException(ApiResponse.json(400, Map.of("error", detail)));
    }

    private void reset() {
        synchronized (this) {
            people.clear();
            posts.clear();
            comments.clear();
            threads.clear();
            sent.clear();
            actions.clear();
            instagram.reset();
            whatsapp.reset();
        }
        clockOffsetSeconds.set(0);
        webhooks.reset();
    }
}
