package org.socialcarebridge.routes.x;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.routes.channel.Feed;
import org.socialcarebridge.network.PostRejectedException;

/**
 * The brand's mentions timeline, read with since_id across pages. A mention that answers a post the
 * plugin has never seen brings its missing ancestors along, so the whole chain reaches one ticket.
 */
final class XMentionsFeed implements Feed {
    /** X keeps about 800 mentions reachable; more pages than this means something is wrong. */
    private static final int MAX_PAGES = 10;
    /** How far up a thread the plugin reads for one mention. */
    static final int MAX_ANCESTORS = 10;

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
        this.quoteReason = ticketQuotes ? null : "a quote post (etc/" + XSettings.PID + ".cfg: quotes = record)";
    }

    @Override
    public String cursor() {
        return "x:mentions";
    }

    @Override
    public Page read(SocialIdentity brand, String since) {
        List<InboundMessage> found = new ArrayList<>();
        String newest = since;
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.mentions(brand.accountId(), since, token);
            Map<String, SocialIdentity> authors = XMessages.authors(answer);
            for (JsonNode tweet : answer.path("data")) {
                found.add(XMessages.message(tweet, authors, quoteReason));
            }
            String pageNewest = answer.path("meta").path("newest_id").asText(null);
            if (pageNewest != null && (newest == null || Feed.newer(pageNewest, newest))) {
                newest = pageNewest;
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (token == null) {
                break;
            }
        }
        return new Page(withAncestors(found), newest);
    }

    /** Adds the unseen posts each mention answers, up the thread, until a known or unreadable one. */
    List<InboundMessage> withAncestors(List<InboundMessage> mentions) {
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
                InboundMessage ancestor = XMessages.message(answer.get("data"), XMessages.authors(answer), null);
                all.add(ancestor);
                have.add(parent);
                parent = ancestor.inReplyToId();
            }
        }
        return all;
    }
}
