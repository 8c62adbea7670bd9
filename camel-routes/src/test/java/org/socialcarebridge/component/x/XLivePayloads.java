package org.socialcarebridge.component.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.conversation.InboundMessage;

/**
 * Pages as X's v2 API sends them (a mention with its author in {@code includes.users}, a direct message
 * event with its sender), around a given text, and the mapper's call on them: for the parsers'
 * benchmark, which lives in another package than the package-private {@link XMessages}.
 */
public final class XLivePayloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BRAND_ID = "1500000000000000001";
    private static final String CREATED_AT = "2026-11-24T10:00:00.000Z";

    private XLivePayloads() {
    }

    /**
     * A page of the mentions timeline with one post, a reply to the brand's post: {@code @acme} and the
     * text, by an author whose display name is the name given (X allows any characters there; the
     * username follows X's rule of at most 15 letters, digits and underscores).
     */
    public static ObjectNode mentionPage(String text, String name, int n) {
        ObjectNode page = NODES.objectNode();
        ObjectNode post = page.putArray("data").addObject();
        String id = String.valueOf(1_900_000_000_000_000_000L + n);
        String authorId = authorId(n);
        post.put("id", id);
        post.put("text", "@acme " + text);
        post.putArray("edit_history_tweet_ids").add(id);
        post.put("author_id", authorId);
        post.put("created_at", CREATED_AT);
        post.put("conversation_id", "1899999999999999999");
        post.put("in_reply_to_user_id", BRAND_ID);
        post.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", "1899999999999999999");
        post.putObject("entities").putArray("mentions").addObject().put("start", 0).put("end", 5)
                .put("username", "acme").put("id", BRAND_ID);
        page.putObject("includes").putArray("users").add(user(authorId, name, n));
        page.putObject("meta").put("newest_id", id).put("oldest_id", id).put("result_count", 1);
        return page;
    }

    /** A page of direct message events with one event: the text, from a sender whose display name is the name given. */
    public static ObjectNode directMessagePage(String text, String name, int n) {
        ObjectNode page = NODES.objectNode();
        ObjectNode event = page.putArray("data").addObject();
        String senderId = authorId(n);
        event.put("id", String.valueOf(1_910_000_000_000_000_000L + n));
        event.put("event_type", "MessageCreate");
        event.put("text", text);
        event.put("dm_conversation_id", BRAND_ID + "-" + senderId);
        event.put("sender_id", senderId);
        event.put("created_at", CREATED_AT);
        event.putArray("participant_ids").add(senderId).add(BRAND_ID);
        page.putObject("includes").putArray("users").add(user(senderId, name, n));
        page.putObject("meta").put("result_count", 1);
        return page;
    }

    /**
     * What a feed does with a page of one item: the page's authors, then the post or event. A page
     * of direct messages is one whose item has a {@code sender_id}.
     *
     * @throws IllegalArgumentException when the item is unreadable (the feed's unreadable path)
     */
    public static InboundMessage map(JsonNode page) {
        var authors = XMessages.authors(page);
        JsonNode item = page.path("data").path(0);
        return item.has("sender_id") ? XMessages.directMessage(item, authors) : XMessages.message(item, authors, null);
    }

    private static String authorId(int n) {
        return String.valueOf(1_600_000_000_000_000_000L + n);
    }

    private static ObjectNode user(String id, String name, int n) {
        ObjectNode u = NODES.objectNode();
        u.put("id", id).put("name", name).put("username", "maria_" + n).put("created_at", "2020-03-01T08:00:00.000Z")
                .put("verified", false).put("protected", false);
        u.putObject("public_metrics").put("followers_count", 120 + n).put("following_count", 80)
                .put("tweet_count", 3_400).put("listed_count", 1);
        return u;
    }
}
