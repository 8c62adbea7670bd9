package org.socialcarebridge.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Customers and test control over the Meta simulator's control API (issue 15: comments, Messenger, what
 * the Page sent, the webhook deliveries, the clock, faults, the request log; issue 16: Instagram comments
 * and messages, WhatsApp messages, statuses and templates), and the app's subscription
 * on the Page through the Graph API with the Page token, as Meta's own dashboard would change it.
 */
final class MetaSim extends SimulatorClient {
    private final String pageToken;

    MetaSim(String base, String pageToken) {
        super(base);
        this.pageToken = pageToken;
    }

    /** A customer's comment as the simulator answers it: ids of the comment, its post and its author (page-scoped). */
    record Comment(String commentId, String postId, String fromId) {
    }

    /** A customer's Messenger message: the sender's page-scoped id and the message id. */
    record Message(String psid, String mid) {
    }

    /** A customer's comment on the Page's latest post (the simulator writes one when there is none). */
    Comment comment(String from, String text) {
        return comment(from, text, null, null);
    }

    /** A customer's comment on a post, or a reply under a comment ({@code parentCommentId}); null leaves either out. */
    Comment comment(String from, String text, String postId, String parentCommentId) {
        ObjectNode body = Rt.JSON.createObjectNode().put("from", from).put("text", text);
        if (postId != null) {
            body.put("post_id", postId);
        }
        if (parentCommentId != null) {
            body.put("parent_comment_id", parentCommentId);
        }
        JsonNode c = call("POST", "/sim/facebook/comments", null, body);
        return new Comment(c.path("comment_id").asText(), c.path("post_id").asText(), c.path("from_id").asText());
    }

    /** A customer's Messenger message to the Page. */
    Message message(String from, String text) {
        return message(from, text, java.time.Duration.ZERO);
    }

    /**
     * A customer's Messenger message written {@code ago} before the simulator's now and delivered now: the
     * plugin's clock is the machine's, so windows are tested by ageing what the customer wrote.
     */
    Message message(String from, String text, java.time.Duration ago) {
        JsonNode m = call("POST", "/sim/messenger/messages", null, Rt.JSON.createObjectNode().put("from", from).put("text", text)
                .put("age_seconds", ago.toSeconds()));
        return new Message(m.path("psid").asText(), m.path("mid").asText());
    }

    /** A customer's comment on the Page's latest post, written {@code ago} before the simulator's now. */
    Comment comment(String from, String text, java.time.Duration ago) {
        JsonNode c = call("POST", "/sim/facebook/comments", null, Rt.JSON.createObjectNode().put("from", from).put("text", text)
                .put("age_seconds", ago.toSeconds()));
        return new Comment(c.path("comment_id").asText(), c.path("post_id").asText(), c.path("from_id").asText());
    }

    /** What the Page sent, oldest first: {@code channel, kind, to, in_reply_to, text, tag, time}. */
    List<JsonNode> sent() {
        return list(call("GET", "/sim/sent", null, null));
    }

    /** What the Page sent of one kind ({@code comment_reply}, {@code private_reply}, {@code message}). */
    List<JsonNode> sent(String kind) {
        return sent().stream().filter(s -> kind.equals(s.path("kind").asText())).toList();
    }

    /** The webhook log: every delivery attempt ({@code object, status, time}, ...) and subscription event. */
    List<JsonNode> webhooks() {
        return list(call("GET", "/sim/webhooks", null, null));
    }

    /** Sender actions the Page sent in Messenger (MARK_SEEN, TYPING_ON...). */
    List<JsonNode> actions() {
        return list(call("GET", "/sim/messenger/actions", null, null));
    }

    /** Moves the simulator's clock forward (Messenger's window, the private reply's 7 days, the hour of failures). */
    void advanceClock(java.time.Duration by) {
        call("POST", "/sim/clock", null, Rt.JSON.createObjectNode().put("advance_seconds", by.toSeconds()));
    }

    /** The next {@code count} Graph calls to {@code path} answer {@code status}, as on the X simulator. */
    void fault(String method, String path, int status, int count, int resetSeconds) {
        call("POST", "/sim/faults", null, Rt.JSON.createObjectNode().put("method", method).put("path", path)
                .put("status", status).put("count", count).put("resetSeconds", resetSeconds));
    }

    /**
     * A webhook fault: {@code batch} (hold entries until {@code count} go in one delivery), {@code duplicate}
     * (deliver the next {@code count} twice) or {@code forge} (sign the next {@code count} with a wrong secret).
     */
    void webhookFault(String kind, int count) {
        call("POST", "/sim/faults", null, Rt.JSON.createObjectNode().put("webhook", kind).put("count", count));
    }

    /** Every Graph call the simulator answered. */
    List<JsonNode> requests() {
        return list(call("GET", "/sim/requests", null, null));
    }

    /** The fields the app is subscribed to on the Page; empty when it is not (or no longer) subscribed. */
    List<String> subscribedFields() {
        List<String> fields = new ArrayList<>();
        for (JsonNode app : call("GET", "/v23.0/me/subscribed_apps", pageToken, null).path("data")) {
            app.path("subscribed_fields").forEach(f -> fields.add(f.asText()));
        }
        return fields;
    }

    /** Subscribes the app again, as an administrator does after Meta disabled it; the simulator runs the handshake first. */
    void subscribe(String... fields) {
        call("POST", "/v23.0/me/subscribed_apps", pageToken,
                Rt.JSON.createObjectNode().put("subscribed_fields", String.join(",", fields)));
    }

    /** Removes the app's subscription from the Page. */
    void unsubscribe() {
        call("DELETE", "/v23.0/me/subscribed_apps", pageToken, null);
    }

    /** A Graph node as the plugin reads it, e.g. a comment's {@code is_hidden} and {@code can_reply_privately}. */
    JsonNode node(String id) {
        return call("GET", "/v23.0/" + id, pageToken, null);
    }

    // ---- Instagram (issue 16): the simulator's answers as JSON

    /** A customer's comment on the brand's newest Instagram media: {@code comment_id, media_id, from_id}. */
    JsonNode instagramComment(String from, String text) {
        return instagramComment(from, text, null);
    }

    /**
     * A customer's Instagram comment on a media: the brand's (a {@code comments} webhook) or, for an id the
     * brand does not own, someone else's (a {@code mentions} webhook when the text mentions the brand).
     */
    JsonNode instagramComment(String from, String text, String mediaId) {
        ObjectNode body = Rt.JSON.createObjectNode().put("from", from).put("text", text);
        if (mediaId != null) {
            body.put("media_id", mediaId);
        }
        return call("POST", "/sim/instagram/comments", null, body);
    }

    /** A customer's Instagram direct message, written {@code ago} before the simulator's now: {@code igsid, mid}. */
    JsonNode instagramMessage(String from, String text, java.time.Duration ago) {
        return call("POST", "/sim/instagram/messages", null, Rt.JSON.createObjectNode().put("from", from).put("text", text)
                .put("age_seconds", ago.toSeconds()));
    }

    /** Mark-as-seen the brand sent on Instagram. */
    List<JsonNode> instagramActions() {
        return list(call("GET", "/sim/instagram/actions", null, null));
    }

    // ---- WhatsApp (issue 16)

    /** A customer's WhatsApp message, written {@code ago} before the simulator's now: {@code wa_id, wamid}. */
    JsonNode whatsappMessage(String from, String name, String text, java.time.Duration ago) {
        return call("POST", "/sim/whatsapp/messages", null, Rt.JSON.createObjectNode().put("from", from).put("name", name)
                .put("text", text).put("age_seconds", ago.toSeconds()));
    }

    /** A status webhook for a message the business sent ({@code delivered}, {@code read}, {@code failed}); null: no error code. */
    JsonNode whatsappStatus(String wamid, String status, Integer errorCode) {
        ObjectNode body = Rt.JSON.createObjectNode().put("wamid", wamid).put("status", status);
        if (errorCode != null) {
            body.put("error_code", errorCode);
        }
        return call("POST", "/sim/whatsapp/statuses", null, body);
    }

    /** Adds or changes a message template ({@code status} APPROVED, PENDING, REJECTED...). */
    JsonNode whatsappTemplate(String name, String language, String body, String status) {
        return call("POST", "/sim/whatsapp/templates", null, Rt.JSON.createObjectNode().put("name", name)
                .put("language", language).put("body", body).put("status", status));
    }

    /** Messages the business marked read: {@code action, message_id, at}. */
    List<JsonNode> whatsappActions() {
        return list(call("GET", "/sim/whatsapp/actions", null, null));
    }

    /** What was sent on one channel ({@code instagram}, {@code whatsapp}, {@code facebook}, {@code messenger}) of one kind. */
    List<JsonNode> sent(String channel, String kind) {
        return sent().stream().filter(s -> channel.equals(s.path("channel").asText()) && kind.equals(s.path("kind").asText()))
                .toList();
    }

    private static List<JsonNode> list(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("data");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
