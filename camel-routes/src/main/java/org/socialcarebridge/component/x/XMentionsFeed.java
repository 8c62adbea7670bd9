package org.socialcarebridge.component.x;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.FeedReading;
import org.socialcarebridge.component.feed.ItemReader;

/**
 * The brand's mentions timeline. X serves it newest first ({@code since_id} exclusive, at most the 800
 * most recent), so after downtime the feed walks back from the newest mention to its cursor, storing
 * each poll's pages before it saves how far it got. The cursor moves to the top of the walk only once
 * the walk has reached it; a walk cut by the page budget, a 429 or an error goes on from where it
 * stopped ({@code until_id}) in the next poll. A mention that answers a post the plugin has never seen
 * brings its missing ancestors along, so the whole chain reaches one ticket.
 */
final class XMentionsFeed implements Feed {
    /** Pages per poll; X keeps 800 mentions reachable (8 pages of 100), a longer walk goes on next poll. */
    static final int PAGES_PER_POLL = 10;
    /** How far up a thread the plugin reads for one mention. */
    static final int MAX_ANCESTORS = 10;
    /** A walk in progress: the newest mention it started from and the oldest it has stored. */
    static final String WALK = "x:mentions:walk";

    private final XApi api;
    private final Predicate<String> known;
    private final String quoteReason;

    /**
     * @param known        whether the plugin already has a post (by id)
     * @param ticketQuotes whether quote posts are filed like mentions, or only recorded
     */
    XMentionsFeed(XApi api, Predicate<String> known, boolean ticketQuotes) {
        this.api = api;
        this.known = known;
        this.quoteReason = quoteReason(ticketQuotes);
    }

    /** Why a quote post is only recorded, or null when quotes are filed like mentions: the webhook's too. */
    static String quoteReason(boolean ticketQuotes) {
        return ticketQuotes ? null : "a quote post (etc/" + XSettings.PID + ".cfg: quotes = record)";
    }

    @Override
    public String cursor() {
        return "x:mentions";
    }

    /** From {@code top} (the newest mention when the walk began) down to {@code until} (exclusive), all stored. */
    record Walk(String top, String until) {
        static Walk parse(String saved) {
            if (saved == null || saved.isBlank()) {
                return null;
            }
            String[] parts = saved.strip().split(" ", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("The saved walk of X mentions (cursor " + WALK + ") is '" + saved
                        + "', not '<top id> <until id>'; delete that cursor to walk again from the newest mention");
            }
            return new Walk(parts[0], parts[1]);
        }

        @Override
        public String toString() {
            return top + " " + until;
        }
    }

    @Override
    public void read(SocialIdentity brand, FeedReading reading) {
        String since = reading.position(cursor());
        String saved = reading.position(WALK);
        Walk walk = Walk.parse(saved);
        List<InboundMessage> found = new ArrayList<>();
        boolean reachedCursor = false;
        RuntimeException cut = null;
        try {
            for (int page = 0; page < PAGES_PER_POLL && !reachedCursor; page++) {
                JsonNode answer = api.mentions(brand.accountId(), since, walk == null ? null : walk.until());
                Map<String, SocialIdentity> authors = XMessages.authors(answer);
                String newest = null;
                String oldest = null;
                for (JsonNode tweet : answer.path("data")) {
                    String id = tweet.path("id").asText(null);
                    InboundMessage m = reading.read(id, tweet, t -> XMessages.message(t, authors, quoteReason));
                    if (m != null) {
                        found.add(m);
                    }
                    if (id != null) {
                        newest = newest == null || Feed.newer(id, newest) ? id : newest;
                        oldest = oldest == null || Feed.newer(oldest, id) ? id : oldest;
                    }
                }
                if (oldest != null) {
                    walk = new Walk(walk == null ? newest : walk.top(), oldest);
                }
                // No next page: everything between the cursor and the top is on the pages read.
                reachedCursor = oldest == null || !answer.path("meta").hasNonNull("next_token");
            }
        } catch (RuntimeException e) {
            cut = e; // store what was read first, so the next poll goes on from there
        }
        reading.store(withAncestors(api, known, found, reading::read));
        if (reachedCursor) {
            if (walk != null) {
                reading.moveTo(cursor(), walk.top());
            }
            if (saved != null) {
                reading.moveTo(WALK, null);
            }
        } else if (walk != null && !walk.toString().equals(saved)) {
            reading.moveTo(WALK, walk.toString());
        }
        if (cut != null) {
            throw cut;
        }
    }

    /**
     * Adds the unseen posts each mention answers, up the thread, until a known or unreadable one (an
     * ancestor the mapper cannot read is dead-lettered like any unreadable item). The poll and the webhook
     * both bring a mention's thread this way, so either gives the ticket the same chain.
     *
     * @param known whether the plugin already has a post (by id)
     */
    static List<InboundMessage> withAncestors(XApi api, Predicate<String> known, List<InboundMessage> mentions,
                                              ItemReader reader) {
        List<InboundMessage> all = new ArrayList<>(mentions);
        Set<String> have = new HashSet<>();
        mentions.forEach(m -> have.add(m.messageId()));
        for (InboundMessage m : mentions) {
            String parent = m.inReplyToId();
            for (int depth = 0; parent != null && depth < MAX_ANCESTORS; depth++) {
                if (have.contains(parent) || known.test(parent)) {
                    break;
                }
                JsonNode answer;
                try {
                    answer = api.post(parent);
                } catch (PostRejectedException e) {
                    break; // X refuses to show it (4xx): treated like a deleted post
                }
                if (!answer.has("data")) {
                    break; // deleted or protected: the reply's ticket notes it
                }
                Map<String, SocialIdentity> authors = XMessages.authors(answer);
                InboundMessage ancestor = reader.read(parent, answer.get("data"), t -> XMessages.message(t, authors, null));
                if (ancestor == null) {
                    break;
                }
                all.add(ancestor);
                have.add(parent);
                parent = ancestor.inReplyToId();
            }
        }
        return all;
    }
}
