package org.socialcarebridge.simulator.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A post on the simulated X. */
record XTweet(String id, String text, String authorId, String createdAt, String conversationId,
              String inReplyToTweetId, String inReplyToUserId, List<Map<String, Object>> mentions,
              String quotedTweetId, String retweetedTweetId) {

    /**
     * The post object with the default fields (id, text, edit_history_tweet_ids) plus those asked for
     * in {@code tweet.fields}, named as the live API names them (the SDK generator's OpenAPI document
     * renames them to posts: see SpecCheck's mapping in the tests).
     */
    Map<String, Object> toJson(Set<String> fields) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("text", text);
        t.put("edit_history_tweet_ids", List.of(id));
        if (fields.contains("author_id")) {
            t.put("author_id", authorId);
        }
        if (fields.contains("created_at")) {
            t.put("created_at", createdAt);
        }
        if (fields.contains("conversation_id")) {
            t.put("conversation_id", conversationId);
        }
        if (fields.contains("in_reply_to_user_id") && inReplyToUserId != null) {
            t.put("in_reply_to_user_id", inReplyToUserId);
        }
        if (fields.contains("referenced_tweets")) {
            List<Map<String, Object>> refs = new ArrayList<>();
            if (inReplyToTweetId != null) {
                refs.add(Map.of("type", "replied_to", "id", inReplyToTweetId));
            }
            if (quotedTweetId != null) {
                refs.add(Map.of("type", "quoted", "id", quotedTweetId));
            }
            if (retweetedTweetId != null) {
                refs.add(Map.of("type", "retweeted", "id", retweetedTweetId));
            }
            if (!refs.isEmpty()) {
                t.put("referenced_tweets", refs);
            }
        }
        if (fields.contains("entities") && !mentions.isEmpty()) {
            t.put("entities", Map.of("mentions", mentions));
        }
        return t;
    }

    boolean mentions(XUser user) {
        return user.id.equals(inReplyToUserId) || mentions.stream().anyMatch(m -> user.id.equals(m.get("id")));
    }
}
