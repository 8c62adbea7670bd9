package org.socialcarebridge.component.x;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.Posting;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostedMessage;
import org.socialcarebridge.channel.OutboundPost;
import org.socialcarebridge.channel.ReplyVisibility;

/**
 * The domain's port to X: posts go through {@code x:post} (public replies as tweets in the thread,
 * private ones as DMs). X has no idempotency key, so a post whose answer never came is looked up
 * ({@link #findPosted}) in the brand's own timeline or the DM conversation before it is sent again.
 */
public final class XNetworkClient implements NetworkClient {
    /** How far back a look-up pages (100 a page) before it gives up saying it could not tell. */
    static final int LOOKUP_PAGES = 10;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final XApi api;
    private final Posting posting;
    private final String brandHandle;
    private volatile String brandId;

    /** Posts through the component's {@code x:post} producer, kept while the channel is attached. */
    public XNetworkClient(XComponent component) {
        this.api = component.api();
        this.posting = component.posting();
        this.brandHandle = component.getConfiguration().getBrandHandle();
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public PostedMessage post(OutboundPost post, String idempotencyKey) {
        return posting.post(post, idempotencyKey);
    }

    /**
     * The brand's posts since {@code since} that are this one: for a public reply, its tweets answering the
     * same post with the same text (the brand's timeline); for a DM, its messages in the conversation with
     * the recipient with the same text. Oldest first.
     */
    @Override
    public List<PostedMessage> findPosted(OutboundPost post, Instant since) {
        return post.visibility() == ReplyVisibility.PUBLIC
                ? repliesLike(post.inReplyToMessageId(), post.text(), since)
                : messagesLike(post.recipientAccountId(), post.text(), since);
    }

    private List<PostedMessage> repliesLike(String inReplyTo, String text, Instant since) {
        List<PostedMessage> found = new ArrayList<>();
        String token = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode answer = api.userPosts(brandId(), since, token);
            for (JsonNode tweet : answer.path("data")) {
                if (answers(tweet, inReplyTo) && sameText(tweet.path("text").asText(""), text)) {
                    String id = tweet.path("id").asText();
                    found.add(new PostedMessage(id, "https://x.com/" + brandHandle + "/status/" + id));
                }
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (token == null) {
                Collections.reverse(found);
                return found;
            }
        }
        throw new NetworkUnavailableException("X: more than " + LOOKUP_PAGES * 100 + " posts of the brand since " + since
                + " to look through for the reply to " + inReplyTo);
    }

    private List<PostedMessage> messagesLike(String recipient, String text, Instant since) {
        List<PostedMessage> found = new ArrayList<>();
        String token = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode answer = api.conversationEvents(recipient, token);
            for (JsonNode event : answer.path("data")) {
                Instant at = createdAt(event);
                if (at != null && at.isBefore(since)) {
                    Collections.reverse(found);
                    return found; // newest first: the rest is older than the attempt
                }
                if (brandId().equals(event.path("sender_id").asText()) && sameText(event.path("text").asText(""), text)) {
                    found.add(new PostedMessage(event.path("id").asText(),
                            "https://x.com/messages/" + event.path("dm_conversation_id").asText("")));
                }
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (token == null) {
                Collections.reverse(found);
                return found;
            }
        }
        throw new NetworkUnavailableException("X: more than " + LOOKUP_PAGES * 100 + " messages with " + recipient
                + " to look through for the direct message");
    }

    private static Instant createdAt(JsonNode event) {
        try {
            return event.hasNonNull("created_at") ? Instant.parse(event.get("created_at").asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null; // unknown time: kept in the look-up rather than cutting it short
        }
    }

    /** Whether the tweet replies to that post; X names the references {@code referenced_tweets} on the wire. */
    private static boolean answers(JsonNode tweet, String inReplyTo) {
        JsonNode refs = tweet.has("referenced_tweets") ? tweet.path("referenced_tweets") : tweet.path("referenced_posts");
        for (JsonNode ref : refs) {
            if ("replied_to".equals(ref.path("type").asText()) && inReplyTo.equals(ref.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same words as X shows them back: it escapes {@code & < >} in a tweet's text and rewrites links as
     * t.co links, so those are compared loosely; the rest must match.
     */
    static boolean sameText(String onX, String sent) {
        return comparable(onX.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")).equals(comparable(sent));
    }

    private static String comparable(String text) {
        return SPACE.matcher(LINK.matcher(text).replaceAll("<link>")).replaceAll(" ").strip();
    }

    /** The brand's X user id, asked of X once ({@code GET /2/users/me}); the webhook's events are filtered by it. */
    public String brandId() {
        String id = brandId;
        if (id == null) {
            id = api.me().path("data").path("id").asText(null);
            if (id == null) {
                throw new NetworkUnavailableException("X did not say who the brand's account is (GET /2/users/me)");
            }
            brandId = id;
        }
        return id;
    }
}
