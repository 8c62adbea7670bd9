package org.socialcarebridge.simulator.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.simulator.ApiRequest;
import org.socialcarebridge.simulator.ApiResponse;
import org.socialcarebridge.simulator.ApiServer;

/**
 * The Instagram professional account linked to the simulated Page, inside the Meta simulator (its
 * server, clock, webhooks, sent log and Page token): comments on the brand's media ({@code comments}
 * webhooks), {@code @acme} mentions in comments on other people's media ({@code mentions} webhooks
 * that carry ids only, the text is read with {@code mentioned_comment}), direct messages with
 * Messenger's windows and once-only private replies, public replies, replies to mentions, hiding,
 * mark-as-seen, echoes of what the brand sent, and the reads a plugin recovers with. One person has
 * one id (IGSID) for comments and messages alike.
 */
final class InstagramAccount {
    static final String ACCOUNT_ID = "17841400000000001";
    static final String USERNAME = "acme";
    private static final Pattern MENTIONED_COMMENT = Pattern.compile("mentioned_comment\\.comment_id\\(([^)]+)\\)");
    private static final Pattern MENTION = Pattern.compile("(?i)(?<![\\w.@])@" + USERNAME + "(?![\\w]|\\.\\w)");

    /** A person on Instagram: their IGSID, username, display name and followers (the User Profile API's answer). */
    record User(String id, String username, String name, long followers) {
        /** As comments and conversations name a person: id and username. */
        Map<String, Object> json() {
            return Map.of("id", id, "username", username);
        }

        /** The User Profile API's fields; only those asked for when {@code fields} names some, as live. */
        Map<String, Object> profile(String fields) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("name", name);
            all.put("username", username);
            all.put("follower_count", followers);
            all.put("is_verified_user", false);
            Map<String, Object> j = new LinkedHashMap<>();
            if (fields == null || fields.isBlank()) {
                j.putAll(all);
            } else {
                for (String f : fields.split(",")) {
                    if (all.containsKey(f.strip())) {
                        j.put(f.strip(), all.get(f.strip()));
                    }
                }
            }
            j.put("id", id);
            return j;
        }
    }

    /** A post; {@code owner} is the brand's account or null for someone else's media. */
    private record Media(String id, User owner, String caption, Instant created) {
        boolean brands() {
            return owner != null;
        }
    }

    private static final class Comment {
        final String id;
        final Media media;
        final Comment parent;
        final User from;
        final String text;
        final Instant created;
        boolean hidden;
        String privateReplyMid;

        Comment(String id, Media media, Comment parent, User from, String text, Instant created) {
            this.id = id;
            this.media = media;
            this.parent = parent;
            this.from = from;
            this.text = text;
            this.created = created;
        }

        boolean mentionsBrand() {
            return MENTION.matcher(text).find();
        }
    }

    private record Message(String mid, boolean fromBrand, String text, Instant at) {
    }

    private static final class Thread {
        final String id;
        final User user;
        final List<Message> messages = new ArrayList<>();
        Instant lastInbound;
        String lastInboundMid;

        Thread(String id, User user) {
            this.id = id;
            this.user = user;
        }

        Instant updated() {
            return messages.isEmpty() ? Instant.EPOCH : messages.get(messages.size() - 1).at();
        }
    }

    private final MetaSimulator sim;
    private final User brand = new User(ACCOUNT_ID, USERNAME, "Acme", 0);
    // Guarded by sim: one lock for every product, so a send and the shared sent log agree.
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Media> media = new LinkedHashMap<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final List<Map<String, Object>> actions = new ArrayList<>();

    InstagramAccount(MetaSimulator sim) {
        this.sim = sim;
    }

    void routes(ApiServer server, int limit) {
        server.route("POST", MetaSimulator.VERSION + "/{id}/replies", limit, this::reply);
        server.route("GET", MetaSimulator.VERSION + "/{id}/replies", limit, this::readReplies);
        server.route("POST", MetaSimulator.VERSION + "/{id}/mentions", limit, this::replyToMention);
        server.route("GET", MetaSimulator.VERSION + "/{id}/media", limit, this::readMedia);
        server.route("POST", "/sim/instagram/comments", 0, this::simComment);
        server.route("POST", "/sim/instagram/messages", 0, this::simMessage);
        server.route("GET", "/sim/instagram/actions", 0, r -> {
            synchronized (sim) {
                return ApiResponse.json(200, new ArrayList<>(actions));
            }
        });
    }

    /**
     * The account, its media, comments, threads and the people who wrote to it (threads are keyed by their
     * IGSID): the generic Graph routes hand these ids here.
     */
    boolean knows(String id) {
        synchronized (sim) {
            return ACCOUNT_ID.equals(id) || media.containsKey(id) || comments.containsKey(id) || threads.containsKey(id)
                    || threads.values().stream().anyMatch(t -> t.id.equals(id));
        }
    }

    void reset() {
        users.clear();
        media.clear();
        comments.clear();
        threads.clear();
        actions.clear();
    }

    /**
     * The person with this username, made on first use: named as given, else the username capitalised; a
     * follower count derived from the username, so that a demo shows the same number every run.
     *
     * @param name the display name the control API gave, or null to keep the person's
     */
    private User user(String username, String name) {
        String key = username.toLowerCase(Locale.ROOT);
        User known = users.get(key);
        if (known == null) {
            String id = MetaSimulator.derivedId("igsid:" + key);
            known = new User(id, username, username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1),
                    Long.parseLong(id) % 5000);
        }
        if (name != null && !name.isBlank()) {
            known = new User(known.id(), known.username(), name.strip(), known.followers());
        }
        users.put(key, known);
        return known;
    }

    /** The brand's newest media; the simulator posts one when there is none. */
    private Media newestBrandMedia() {
        return media.values().stream().filter(Media::brands).reduce((a, b) -> b).orElseGet(() -> {
            Media m = new Media(sim.nextNumber(), brand, "Our new autumn range is in the shops today.", sim.now());
            media.put(m.id(), m);
            return m;
        });
    }

    private Thread thread(User user) {
        return threads.computeIfAbsent(user.id(), k -> new Thread("aWdfdGhyZWFk" + sim.nextNumber(), user));
    }

    // ---- sending

    /** {@code POST /{ig-id}/messages}: a DM, a private reply to a comment, or mark_seen; Messenger's rules. */
    ApiResponse send(ApiRequest r, Map<String, JsonNode> p) {
        if (!ACCOUNT_ID.equals(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("post", r.pathParam("id"));
        }
        JsonNode recipient = p.get("recipient");
        if (recipient == null || !recipient.isObject()) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter recipient is required, e.g."
                    + " recipient={\"id\":\"<IGSID>\"} or recipient={\"comment_id\":\"<comment id>\"}");
        }
        String action = MetaSimulator.text(p, "sender_action");
        JsonNode message = p.get("message");
        synchronized (sim) {
            if (recipient.hasNonNull("comment_id")) {
                return privateReply(recipient.get("comment_id").asText(), message);
            }
            String igsid = recipient.path("id").asText("");
            Thread thread = threads.get(igsid);
            if (thread == null) {
                throw MetaDialect.refuse(100, 2018001, "(#100) No matching user found");
            }
            if (action != null) {
                if (!"mark_seen".equalsIgnoreCase(action) || message != null) {
                    throw MetaDialect.refuse(100, null, "(#100) Instagram takes sender_action=mark_seen without a message,"
                            + " got sender_action=" + action + (message != null ? " with a message" : ""));
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("igsid", igsid);
                a.put("sender_action", "MARK_SEEN");
                a.put("last_inbound_mid", thread.lastInboundMid);
                a.put("time", sim.now().toString());
                actions.add(a);
                return ApiResponse.json(200, Map.of("recipient_id", igsid));
            }
            String text = MetaSimulator.messageText(message);
            String tag = MetaSimulator.text(p, "tag");
            MetaSimulator.requireWindow(thread.lastInbound, sim.now(), MetaSimulator.text(p, "messaging_type"), tag);
            String mid = sendTo(thread, text);
            sim.recordSent("instagram", "message", igsid, thread.lastInboundMid, text, tag);
            return ApiResponse.json(200, Map.of("recipient_id", igsid, "message_id", mid));
        }
    }

    private ApiResponse privateReply(String commentId, JsonNode message) {
        Comment c = comments.get(commentId);
        if (c == null || !c.media.brands()) {
            throw MetaDialect.refuse(100, null, "(#100) Invalid parameter: recipient.comment_id " + commentId
                    + " is not a comment on this account's media");
        }
        String text = MetaSimulator.messageText(message);
        MetaSimulator.requirePrivateReply(c.privateReplyMid, c.created, sim.now());
        c.privateReplyMid = sendTo(thread(c.from), text);
        sim.recordSent("instagram", "private_reply", c.from.id(), c.id, text, null);
        return ApiResponse.json(200, Map.of("recipient_id", c.from.id(), "message_id", c.privateReplyMid));
    }

    /** The brand's message in a thread, echoed back as Instagram does. */
    private String sendTo(Thread thread, String text) {
        String mid = "aWdfbWVzc2FnZQ" + sim.nextNumber();
        thread.messages.add(new Message(mid, true, text, sim.now()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mid", mid);
        m.put("text", text);
        m.put("is_echo", true);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sender", Map.of("id", ACCOUNT_ID));
        event.put("recipient", Map.of("id", thread.user.id()));
        event.put("timestamp", sim.now().toEpochMilli());
        event.put("message", m);
        messaging(event, sim.now());
        return mid;
    }

    /** {@code POST /{comment-id}/replies}: a public reply under a comment on the brand's media. */
    private ApiResponse reply(ApiRequest r) {
        Map<String, JsonNode> p = sim.params(r);
        String id = r.pathParam("id");
        String text = MetaSimulator.text(p, "message");
        synchronized (sim) {
            Comment c = comments.get(id);
            if (c == null || !c.media.brands()) {
                throw MetaSimulator.unsupported("post", id);
            }
            requireText(text);
            Comment reply = add(c.media, top(c), brand, text, sim.now());
            sim.recordSent("instagram", "comment_reply", c.from.id(), c.id, text, null);
            return ApiResponse.json(200, Map.of("id", reply.id));
        }
    }

    /** {@code POST /{ig-id}/mentions}: a reply to a comment that mentions the brand on someone else's media. */
    private ApiResponse replyToMention(ApiRequest r) {
        Map<String, JsonNode> p = sim.params(r);
        if (!ACCOUNT_ID.equals(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("post", r.pathParam("id"));
        }
        String commentId = MetaSimulator.text(p, "comment_id");
        String mediaId = MetaSimulator.text(p, "media_id");
        String text = MetaSimulator.text(p, "message");
        synchronized (sim) {
            Comment c = commentId == null ? null : comments.get(commentId);
            if (c == null || !c.mentionsBrand() || c.media.brands()) {
                throw MetaDialect.refuse(100, null, "(#100) comment_id " + commentId + " is not a comment that mentions @"
                        + USERNAME + " on someone else's media");
            }
            if (!c.media.id().equals(mediaId)) {
                throw MetaDialect.refuse(100, null, "(#100) media_id must be the mentioning comment's media " + c.media.id()
                        + ", got " + mediaId);
            }
            requireText(text);
            Comment reply = add(c.media, top(c), brand, text, sim.now());
            sim.recordSent("instagram", "mention_reply", c.from.id(), c.id, text, null);
            return ApiResponse.json(200, Map.of("id", reply.id));
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw MetaDialect.refuse(100, null, "(#100) The parameter message is required (the reply's text)");
        }
        if (text.length() > 2200) {
            throw MetaDialect.refuse(100, null, "(#100) An Instagram comment has at most 2200 characters, got " + text.length());
        }
    }

    /** {@code POST /{comment-id}} with {@code hide=true|false}. */
    ApiResponse hide(ApiRequest r, Map<String, JsonNode> p) {
        String id = r.pathParam("id");
        synchronized (sim) {
            Comment c = comments.get(id);
            if (c == null || !c.media.brands()) {
                throw MetaSimulator.unsupported("post", id);
            }
            String hide = MetaSimulator.text(p, "hide");
            if (hide == null || !Set.of("true", "false").contains(hide)) {
                throw MetaDialect.refuse(100, null, "(#100) The simulator updates only hide=true|false on an Instagram"
                        + " comment, got hide=" + hide);
            }
            if (c.from.equals(brand)) {
                throw MetaDialect.refuse(100, null, "(#100) An account cannot hide its own comment " + id);
            }
            c.hidden = Boolean.parseBoolean(hide);
            return ApiResponse.json(200, Map.of("success", true));
        }
    }

    // ---- reading

    /** {@code GET /{id}}: the account (or a comment it mentioned), a comment on its media, a medium or a thread. */
    ApiResponse readNode(ApiRequest r, Map<String, JsonNode> p) {
        String id = r.pathParam("id");
        synchronized (sim) {
            if (ACCOUNT_ID.equals(id)) {
                Matcher m = MENTIONED_COMMENT.matcher(String.valueOf(MetaSimulator.text(p, "fields")));
                if (m.find()) {
                    Comment c = comments.get(m.group(1));
                    if (c == null || !c.mentionsBrand()) {
                        throw MetaDialect.refuse(100, null, "(#100) No comment " + m.group(1) + " mentions @" + USERNAME);
                    }
                    Map<String, Object> mentioned = new LinkedHashMap<>();
                    mentioned.put("id", c.id);
                    mentioned.put("text", c.text);
                    mentioned.put("timestamp", MetaSimulator.GRAPH_TIME.format(c.created));
                    mentioned.put("username", c.from.username());
                    mentioned.put("from", c.from.json());
                    mentioned.put("media", Map.of("id", c.media.id()));
                    return ApiResponse.json(200, Map.of("mentioned_comment", mentioned, "id", ACCOUNT_ID));
                }
                Map<String, Object> j = new LinkedHashMap<>(brand.json());
                j.put("name", "Acme");
                j.put("media_count", media.values().stream().filter(Media::brands).count());
                return ApiResponse.json(200, j);
            }
            Comment c = comments.get(id);
            if (c != null) {
                if (!c.media.brands()) {
                    // As live: a comment on someone else's media is read through mentioned_comment only.
                    throw MetaSimulator.unsupported("get", id);
                }
                return ApiResponse.json(200, commentJson(c));
            }
            Media m = media.get(id);
            if (m != null && m.brands()) {
                return ApiResponse.json(200, mediaJson(m));
            }
            for (Thread t : threads.values()) {
                if (t.id.equals(id)) {
                    return ApiResponse.json(200, threadJson(t));
                }
            }
            // The User Profile API: a person who wrote to the account, by IGSID (only they, as live: someone
            // who merely commented has not consented and reads as an unknown id).
            Thread written = threads.get(id);
            if (written != null) {
                User now = users.get(written.user.username().toLowerCase(Locale.ROOT)); // a name given since
                return ApiResponse.json(200, now.profile(MetaSimulator.text(p, "fields")));
            }
        }
        throw MetaSimulator.unsupported("get", id);
    }

    /** {@code GET /{ig-id}/media}: the brand's media, newest first. */
    private ApiResponse readMedia(ApiRequest r) {
        Map<String, JsonNode> p = sim.params(r);
        if (!ACCOUNT_ID.equals(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("get", r.pathParam("id"));
        }
        List<Map<String, Object>> items;
        synchronized (sim) {
            List<Media> newestFirst = new ArrayList<>(media.values().stream().filter(Media::brands).toList());
            Collections.reverse(newestFirst);
            items = newestFirst.stream().map(this::mediaJson).toList();
        }
        return sim.page(r, p, items);
    }

    /**
     * {@code GET /{media-id}/comments}: every comment on a brand medium, oldest first, replies with their
     * {@code parent_id}, so a recovery finds a customer's answer under the brand's reply too.
     */
    ApiResponse readComments(ApiRequest r, Map<String, JsonNode> p) {
        String id = r.pathParam("id");
        Instant since = MetaSimulator.time(p, "since");
        List<Map<String, Object>> items;
        synchronized (sim) {
            Media m = media.get(id);
            if (m == null || !m.brands()) {
                throw MetaSimulator.unsupported("get", id);
            }
            items = comments.values().stream().filter(c -> c.media == m)
                    .filter(c -> since == null || !c.created.isBefore(since))
                    .sorted(Comparator.comparing((Comment c) -> c.created)).map(this::commentJson).toList();
        }
        return sim.page(r, p, items);
    }

    private ApiResponse readReplies(ApiRequest r) {
        Map<String, JsonNode> p = sim.params(r);
        String id = r.pathParam("id");
        List<Map<String, Object>> items;
        synchronized (sim) {
            Comment parent = comments.get(id);
            if (parent == null || !parent.media.brands()) {
                throw MetaSimulator.unsupported("get", id);
            }
            items = comments.values().stream().filter(c -> c.parent == parent).map(this::commentJson).toList();
        }
        return sim.page(r, p, items);
    }

    /** {@code GET /{ig-id}/conversations?platform=instagram} (or on the Page): threads, newest first. */
    ApiResponse readConversations(ApiRequest r, Map<String, JsonNode> p) {
        if (!ACCOUNT_ID.equals(r.pathParam("id")) && knows(r.pathParam("id"))) {
            throw MetaSimulator.unsupported("get", r.pathParam("id"));
        }
        Instant since = MetaSimulator.time(p, "since");
        String user = MetaSimulator.text(p, "user_id");
        List<Map<String, Object>> items;
        synchronized (sim) {
            items = threads.values().stream().filter(t -> user == null || t.user.id().equals(user))
                    .filter(t -> since == null || !t.updated().isBefore(since))
                    .sorted(Comparator.comparing(Thread::updated).reversed()).map(this::threadJson).toList();
        }
        return sim.page(r, p, items);
    }

    /** {@code GET /{conversation-id}/messages}: newest first. */
    ApiResponse threadMessages(ApiRequest r, Map<String, JsonNode> p) {
        String id = r.pathParam("id");
        List<Map<String, Object>> items;
        synchronized (sim) {
            Thread thread = threads.values().stream().filter(t -> t.id.equals(id)).findFirst()
                    .orElseThrow(() -> MetaSimulator.unsupported("get", id));
            List<Message> newestFirst = new ArrayList<>(thread.messages);
            Collections.reverse(newestFirst);
            items = newestFirst.stream().map(m -> {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("id", m.mid());
                j.put("created_time", MetaSimulator.GRAPH_TIME.format(m.at()));
                j.put("from", (m.fromBrand() ? brand : thread.user).json());
                j.put("to", Map.of("data", List.of((m.fromBrand() ? thread.user : brand).json())));
                j.put("message", m.text());
                return j;
            }).toList();
        }
        return sim.page(r, p, items);
    }

    private Map<String, Object> mediaJson(Media m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.id());
        j.put("caption", m.caption());
        j.put("media_type", "IMAGE");
        j.put("media_product_type", "FEED");
        j.put("timestamp", MetaSimulator.GRAPH_TIME.format(m.created()));
        j.put("permalink", "https://www.instagram.com/p/" + m.id() + "/");
        j.put("username", USERNAME);
        j.put("comments_count", comments.values().stream().filter(c -> c.media == m).count());
        return j;
    }

    private Map<String, Object> commentJson(Comment c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", c.id);
        j.put("text", c.text);
        j.put("timestamp", MetaSimulator.GRAPH_TIME.format(c.created));
        j.put("username", c.from.username());
        j.put("from", c.from.json());
        j.put("media", Map.of("id", c.media.id(), "media_product_type", "FEED"));
        if (c.parent != null) {
            j.put("parent_id", c.parent.id);
        }
        j.put("hidden", c.hidden);
        j.put("like_count", 0);
        return j;
    }

    private Map<String, Object> threadJson(Thread t) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", t.id);
        j.put("updated_time", MetaSimulator.GRAPH_TIME.format(t.updated()));
        j.put("message_count", t.messages.size());
        j.put("participants", Map.of("data", List.of(t.user.json(), brand.json())));
        return j;
    }

    // ---- webhooks and the control API

    private Comment add(Media m, Comment parent, User from, String text, Instant at) {
        Comment c = new Comment(sim.nextNumber(), m, parent, from, text, at);
        comments.put(c.id, c);
        return c;
    }

    /** Instagram threads one level deep: a reply to a reply lands under the top-level comment. */
    private static Comment top(Comment c) {
        return c.parent != null ? c.parent : c;
    }

    private void changes(String field, Map<String, Object> value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", ACCOUNT_ID);
        entry.put("time", sim.now().getEpochSecond());
        entry.put("changes", List.of(Map.of("field", field, "value", value)));
        sim.webhooks.publish(new MetaWebhooks.Entry(MetaWebhooks.INSTAGRAM, field, entry));
    }

    private void messaging(Map<String, Object> event, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", ACCOUNT_ID);
        entry.put("time", at.getEpochSecond());
        entry.put("messaging", List.of(event));
        sim.webhooks.publish(new MetaWebhooks.Entry(MetaWebhooks.INSTAGRAM, "messages", entry));
    }

    private ApiResponse simComment(ApiRequest r) {
        JsonNode b = sim.jsonBody(r);
        String from = b.path("from").asText("");
        String text = b.path("text").asText("");
        if (from.isBlank() || text.isBlank() || USERNAME.equalsIgnoreCase(from)) {
            throw MetaSimulator.control("an Instagram comment needs 'from' (a customer's username, not @" + USERNAME
                    + ") and 'text', e.g. {\"from\":\"olga.k\",\"text\":\"Where is my order?\",\"media_id\":\"<optional>\","
                    + "\"parent_comment_id\":\"<optional>\"}");
        }
        synchronized (sim) {
            User user = user(from, b.path("name").asText(null));
            Comment parent = null;
            Media m;
            if (b.hasNonNull("parent_comment_id")) {
                parent = comments.get(b.get("parent_comment_id").asText());
                if (parent == null) {
                    throw MetaSimulator.control("no comment " + b.get("parent_comment_id").asText() + "; use a comment_id"
                            + " an earlier POST /sim/instagram/comments answered");
                }
                parent = top(parent);
                m = parent.media;
            } else if (b.hasNonNull("media_id")) {
                // A media id the brand does not own is someone else's post: mentions are all the brand hears of it.
                m = media.computeIfAbsent(b.get("media_id").asText(), k -> new Media(k, null, null, sim.now()));
            } else {
                m = newestBrandMedia();
            }
            Comment c = add(m, parent, user, text, sim.written(b));
            if (m.brands()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", c.id);
                value.put("from", user.json());
                value.put("text", text);
                value.put("media", Map.of("id", m.id(), "media_product_type", "FEED"));
                if (parent != null) {
                    value.put("parent_id", parent.id);
                }
                changes("comments", value);
            } else if (c.mentionsBrand()) {
                changes("mentions", Map.of("media_id", m.id(), "comment_id", c.id));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("comment_id", c.id);
            answer.put("media_id", m.id());
            answer.put("from_id", user.id());
            return ApiResponse.json(201, answer);
        }
    }

    private ApiResponse simMessage(ApiRequest r) {
        JsonNode b = sim.jsonBody(r);
        String from = b.path("from").asText("");
        String text = b.path("text").asText("");
        if (from.isBlank() || text.isBlank() || USERNAME.equalsIgnoreCase(from)) {
            throw MetaSimulator.control("an Instagram message needs 'from' (a customer's username) and 'text', e.g."
                    + " {\"from\":\"olga.k\",\"text\":\"Where is my parcel?\",\"name\":\"<optional display name>\"}");
        }
        synchronized (sim) {
            User user = user(from, b.path("name").asText(null));
            Thread thread = thread(user);
            String mid = "aWdfbWVzc2FnZQ" + sim.nextNumber();
            Instant at = sim.written(b);
            thread.messages.add(new Message(mid, false, text, at));
            thread.lastInbound = at;
            thread.lastInboundMid = mid;
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("sender", Map.of("id", user.id()));
            event.put("recipient", Map.of("id", ACCOUNT_ID));
            event.put("timestamp", at.toEpochMilli());
            event.put("message", Map.of("mid", mid, "text", text));
            messaging(event, at);
            return ApiResponse.json(201, Map.of("igsid", user.id(), "mid", mid));
        }
    }
}
