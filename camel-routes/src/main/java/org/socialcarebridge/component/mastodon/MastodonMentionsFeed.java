package org.socialcarebridge.component.mastodon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.FeedReading;
import org.socialcarebridge.component.feed.ItemReader;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;

/**
 * The brand's mention notifications: public mentions and direct messages arrive the same way, told
 * apart by the status's visibility. The feed pages oldest first ({@code min_id}) from its cursor, the
 * newest notification stored, and moves the cursor page by page only past what is stored, so a backlog
 * drains in order over as many polls as it takes. A mention answering a status the plugin has never
 * seen brings its unseen ancestors (from the status's context) along.
 */
final class MastodonMentionsFeed implements Feed {
    /** Pages per poll; a longer backlog goes on in the next poll. */
    static final int PAGES_PER_POLL = 10;

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
        this.quoteReason = MastodonMessages.quoteReason(ticketQuotes);
    }

    @Override
    public String cursor() {
        return "mastodon:notifications";
    }

    @Override
    public void read(SocialIdentity brand, FeedReading reading) {
        String since = reading.position(cursor());
        if (since == null) {
            firstStart(reading);
            return;
        }
        for (int page = 0; page < PAGES_PER_POLL; page++) {
            JsonNode answer = api.mentionsAfter(since);
            if (!answer.isArray() || answer.isEmpty()) {
                return;
            }
            List<InboundMessage> found = new ArrayList<>();
            String newest = mentions(answer, reading, found);
            reading.store(withAncestors(api, known, found, reading::read));
            if (newest == null || (since != null && !Feed.newer(newest, since))) {
                return; // nothing to move past: never move a cursor backwards
            }
            reading.moveTo(cursor(), newest);
            since = newest;
            if (answer.size() < limit) {
                return; // a short page is the newest one
            }
        }
    }

    /**
     * A first start has no cursor: rather than the account's whole history, it reads back over the most
     * recent mentions (at most a poll's pages, as X keeps only its most recent), stores them oldest first,
     * and goes on forward from the newest.
     */
    private void firstStart(FeedReading reading) {
        List<InboundMessage> found = new ArrayList<>();
        String newest = null;
        String maxId = null;
        for (int page = 0; page < PAGES_PER_POLL; page++) {
            JsonNode answer = api.mentionsBefore(maxId);
            if (!answer.isArray() || answer.isEmpty()) {
                break;
            }
            String pageNewest = mentions(answer, reading, found);
            if (newest == null) {
                newest = pageNewest;
            }
            for (JsonNode notification : answer) {
                String id = notification.path("id").asText(null);
                if (id != null && (maxId == null || Feed.newer(maxId, id))) {
                    maxId = id;
                }
            }
            if (answer.size() < limit) {
                break; // a short page is the oldest one
            }
        }
        reading.store(withAncestors(api, known, found, reading::read));
        if (newest != null) {
            reading.moveTo(cursor(), newest);
        }
    }

    /** Reads a page's mentions into {@code found}; answers the page's newest notification id, or null. */
    private String mentions(JsonNode answer, FeedReading reading, List<InboundMessage> found) {
        String newest = null;
        for (JsonNode notification : answer) {
            String id = notification.path("id").asText(null);
            if (id != null && (newest == null || Feed.newer(id, newest))) {
                newest = id;
            }
            if ("mention".equals(notification.path("type").asText()) && notification.hasNonNull("status")) {
                InboundMessage m = reading.read(notification.path("status").path("id").asText(null), notification,
                        n -> MastodonMessages.message(n.get("status"), quoteReason));
                if (m != null) {
                    found.add(m);
                }
            }
        }
        return newest;
    }

    /**
     * Adds each mention's unseen ancestors, nearest first, up to the first one the plugin knows (an
     * ancestor the mapper cannot read is dead-lettered like any unreadable item). The poll and the stream
     * both bring a mention's thread this way, so either gives the ticket the same chain.
     *
     * @param known whether the plugin already has a status (by id)
     */
    static List<InboundMessage> withAncestors(MastodonApi api, Predicate<String> known, List<InboundMessage> mentions,
                                              ItemReader reader) {
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
                InboundMessage ancestor = reader.read(parent, status, s -> MastodonMessages.message(s, null));
                if (ancestor == null) {
                    break; // unreadable: dead-lettered, and the chain ends there
                }
                all.add(ancestor);
                have.add(parent);
                parent = ancestor.inReplyToId();
            }
        }
        return all;
    }
}
