package org.socialcarebridge.routes.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;

/** The brand's mentions timeline, read with since_id across pages. */
final class XMentionsFeed implements XFeed {
    /** X keeps about 800 mentions reachable; more pages than this means something is wrong. */
    private static final int MAX_PAGES = 10;

    private final XApi api;

    XMentionsFeed(XApi api) {
        this.api = api;
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
                found.add(XMessages.message(tweet, authors));
            }
            String pageNewest = answer.path("meta").path("newest_id").asText(null);
            if (pageNewest != null && (newest == null || XFeed.newer(pageNewest, newest))) {
                newest = pageNewest;
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (token == null) {
                break;
            }
        }
        return new Page(found, newest);
    }
}
