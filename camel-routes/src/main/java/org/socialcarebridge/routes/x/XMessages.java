package org.socialcarebridge.routes.x;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;

/** Maps X's payloads (posts, direct message events, expanded users) to domain messages. */
final class XMessages {
    private XMessages() {
    }

    static Map<String, SocialIdentity> authors(JsonNode page) {
        Map<String, SocialIdentity> users = new HashMap<>();
        for (JsonNode u : page.path("includes").path("users")) {
            users.put(u.path("id").asText(), identity(u));
        }
        return users;
    }

    static SocialIdentity identity(JsonNode user) {
        String username = user.path("username").asText();
        return new SocialIdentity(Network.X, user.path("id").asText(), username, user.path("name").asText(null),
                "https://x.com/" + username, user.path("public_metrics").path("followers_count").asLong(0),
                user.path("verified").asBoolean(false));
    }

    /**
     * A post. Retweets never become tickets (they repeat someone else's words); quotes are recorded
     * only when {@code quoteReason} says so.
     */
    static InboundMessage message(JsonNode tweet, Map<String, SocialIdentity> authors, String quoteReason) {
        String authorId = tweet.path("author_id").asText();
        SocialIdentity author = authors.get(authorId);
        if (author == null) {
            // X omits an author it cannot expand (suspended, protected); keep the message all the same.
            author = new SocialIdentity(Network.X, authorId, "i/user/" + authorId, null, null, 0, false);
        }
        String inReplyTo = null;
        boolean retweet = false;
        boolean quote = false;
        // The live API's name; the SDK generator's OpenAPI document renames it referenced_posts.
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            switch (ref.path("type").asText()) {
                case "replied_to" -> inReplyTo = ref.path("id").asText();
                case "retweeted" -> retweet = true;
                case "quoted" -> quote = true;
                default -> {
                    // an unknown kind of reference changes nothing
                }
            }
        }
        String id = tweet.path("id").asText();
        InboundMessage m = new InboundMessage(Network.X, id, author, tweet.path("text").asText(""), createdAt(tweet),
                inReplyTo, tweet.path("conversation_id").asText(null), Visibility.PUBLIC,
                "https://x.com/" + author.handle() + "/status/" + id);
        if (retweet) {
            return m.recordedOnly("a retweet (repeats another post, never a ticket)");
        }
        return quote && quoteReason != null ? m.recordedOnly(quoteReason) : m;
    }

    /** A direct message event; its sender is in the page's expanded users. */
    static InboundMessage directMessage(JsonNode event, Map<String, SocialIdentity> authors) {
        String senderId = event.path("sender_id").asText();
        SocialIdentity author = authors.get(senderId);
        if (author == null) {
            author = new SocialIdentity(Network.X, senderId, "i/user/" + senderId, null, null, 0, false);
        }
        return new InboundMessage(Network.X, event.path("id").asText(), author, event.path("text").asText(""),
                createdAt(event), null, event.path("dm_conversation_id").asText(null), Visibility.PRIVATE, null);
    }

    private static Instant createdAt(JsonNode tweet) {
        try {
            return tweet.hasNonNull("created_at") ? Instant.parse(tweet.get("created_at").asText()) : Instant.now();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
