package org.socialcarebridge.component.x;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.x.XChannel;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.Remarks;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.reply.PostLength;
import org.socialcarebridge.routes.http.CreatedAt;

/**
 * Maps X's payloads (posts, direct message events, expanded users) to domain messages. Every field is
 * internet content: it is cut to its column here, with a remark that keeps it in full, and a payload
 * that is no message at all (an id longer than any of X's) is refused with an IllegalArgumentException
 * naming the field, which the feed records as unreadable.
 */
final class XMessages {
    private XMessages() {
    }

    /**
     * The expanded users of a page by id, with what had to be cut of each: every message of theirs
     * carries those remarks. (A map, so the feeds look authors up as before.)
     */
    static final class Authors extends HashMap<String, SocialIdentity> {
        private final Map<String, List<String>> remarks = new HashMap<>();

        List<String> remarksOn(String id) {
            return remarks.getOrDefault(id, List.of());
        }
    }

    static Map<String, SocialIdentity> authors(JsonNode page) {
        Authors users = new Authors();
        for (JsonNode u : page.path("includes").path("users")) {
            Remarks remarks = new Remarks();
            try {
                SocialIdentity identity = identity(u, remarks);
                users.put(identity.accountId(), identity);
                users.remarks.put(identity.accountId(), remarks.list());
            } catch (IllegalArgumentException e) {
                // A user that is no account (no id, or an impossible one): their posts read as by an unknown author.
            }
        }
        return users;
    }

    static SocialIdentity identity(JsonNode user) {
        return identity(user, new Remarks());
    }

    private static SocialIdentity identity(JsonNode user, Remarks remarks) {
        String username = user.path("username").asText();
        return new SocialIdentity(Network.X, user.path("id").asText(),
                remarks.fit("The handle", username, SocialIdentity.HANDLE_LENGTH),
                remarks.fit("The name", user.path("name").asText(null), SocialIdentity.NAME_LENGTH),
                remarks.fit("The profile link", "https://x.com/" + username, SocialIdentity.URL_LENGTH),
                user.path("public_metrics").path("followers_count").asLong(0), user.path("verified").asBoolean(false));
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
        Remarks remarks = remarksOn(authors, authorId);
        String text = tweet.path("text").asText("");
        // The @mentions that open a reply do not count towards X's limit.
        remarks.beyondNetworkLimit(Network.X, "post", PostLength.of(XChannel.LENGTH).count(withoutLeadingMentions(text)),
                XChannel.POST_LIMIT);
        CreatedAt createdAt = CreatedAt.of(tweet);
        InboundMessage m = new InboundMessage(Network.X, id, author, text, createdAt.instant(),
                inReplyTo, tweet.path("conversation_id").asText(null), Visibility.PUBLIC,
                remarks.fit("The post's link", "https://x.com/" + author.handle() + "/status/" + id, InboundMessage.URL_LENGTH),
                null, createdAt.unread(), remarks.list());
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
        Remarks remarks = remarksOn(authors, senderId);
        String text = event.path("text").asText("");
        remarks.beyondNetworkLimit(Network.X, "direct message", PostLength.of(XChannel.LENGTH).count(text),
                XChannel.DIRECT_MESSAGE_LIMIT);
        CreatedAt createdAt = CreatedAt.of(event);
        return new InboundMessage(Network.X, event.path("id").asText(), author, text, createdAt.instant(), null,
                event.path("dm_conversation_id").asText(null), Visibility.PRIVATE, null, null, createdAt.unread(),
                remarks.list());
    }

    private static Remarks remarksOn(Map<String, SocialIdentity> authors, String authorId) {
        Remarks remarks = new Remarks();
        if (authors instanceof Authors a) {
            a.remarksOn(authorId).forEach(remarks::add);
        }
        return remarks;
    }

    /** The text after the @mentions it opens with, scanned once (no regular expression to overflow). */
    static String withoutLeadingMentions(String text) {
        int i = 0;
        int n = text.length();
        while (true) {
            int j = i;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j >= n || text.charAt(j) != '@') {
                return text.substring(i);
            }
            int k = j + 1;
            while (k < n && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
                k++;
            }
            if (k == j + 1) {
                return text.substring(i);
            }
            i = k;
        }
    }
}
