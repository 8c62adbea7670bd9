package org.socialcarebridge.routes.mastodon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.network.PostRejectedException;
import org.socialcarebridge.routes.channel.Feed;

/**
 * The brand's mention notifications: public mentions and direct messages arrive the same way, told
 * apart by the status's visibility. The cursor is the newest notification id. A mention answering a
 * status the plugin has never seen brings its unseen ancestors (from the status's context) along.
 */
final class MastodonMentionsFeed implements Feed {
    private static final int MAX_PAGES = 10;

    private final MastodonApi api;
    private final Predicate<String> known;
    private final String quoteReason;
    private final int limit;

    /**
     * @param known        whether the plugin already has a status (by id)
     * @param ticketQuotes whether quote posts are filed like mentions, or only recorded
     */
    MastodonMentionsFeed(MastodonApi api, Predicate<String> known, boolean ticketQuotes, int limit) {
        this.api = api;
        this.limit = limit;
        this.known = known;
        this.quoteReason = ticketQuotes ? null : "a quote post (etc/" + MastodonSettings.PID + ".cfg: quotes = record)";
    }

    @Override
    public String cursor() {
        return "mastodon:notifications";
    }

    @Override
    public Page read(SocialIdentity brand, String since) {
        List<InboundMessage> found = new ArrayList<>();
        String newest = since;
        String maxId = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.mentions(since, maxId);
            if (!answer.isArray() || answer.isEmpty()) {
                break;
            }
            for (JsonNode notification : answer) {
                String id = notification.path("id").asText();
                if (newest == null || Feed.newer(id, newest)) {
                    newest = id;
                }
                maxId = maxId == null || Feed.newer(maxId, id) ? id : maxId;
                if ("mention".equals(notification.path("type").asText()) && notification.hasNonNull("status")) {
                    found.add(MastodonMessages.message(notification.get("status"), quoteReason));
                }
            }
            if (answer.size() < limit) {
                break; // a short page is the last one
            }
        }
        return new Page(withAncestors(found), newest);
    }

    /** Adds each mention's unseen ancestors, nearest first, up to the first one the plugin knows. */
    List<InboundMessage> withAncestors(List<InboundMessage> mentions) {
        List<InboundMessage> all = new ArrayList<>(mentions);
        Set<String> have = new HashSet<>();
        mentions.forEach(m -> have.add(m.messageId()));
        for (InboundMessage m : mentions) {
            String parent = m.inReplyToId();
            if (parent == null || have.contains(parent) || known.test(parent)) {
                continue;
            }
            JsonNode ancestors;
            try {
                ancestors = api.context(m.messageId()).path("ancestors");
            } catch (PostRejectedException e) {
                continue; // the thread is not visible to the brand: the ticket notes the unread parent
            }
            // Walk up from the direct parent; a gap (deleted status) ends the chain.
            for (int i = ancestors.size() - 1; i >= 0 && parent != null; i--) {
                JsonNode status = ancestors.get(i);
                if (!status.path("id").asText().equals(parent) || have.contains(parent) || known.test(parent)) {
                    break;
                }
                InboundMessage ancestor = MastodonMessages.message(status, null);
                all.add(ancestor);
                have.add(parent);
                parent = ancestor.inReplyToId();
            }
        }
        return all;
    }
}
