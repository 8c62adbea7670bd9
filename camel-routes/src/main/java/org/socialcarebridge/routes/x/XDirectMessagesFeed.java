package org.socialcarebridge.routes.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.routes.channel.Feed;

/**
 * The brand's direct message events. The endpoint has no since_id, so pages are read newest first
 * until an event at or below the cursor appears.
 */
final class XDirectMessagesFeed implements Feed {
    private static final int MAX_PAGES = 10;

    private final XApi api;

    XDirectMessagesFeed(XApi api) {
        this.api = api;
    }

    @Override
    public String cursor() {
        return "x:dm_events";
    }

    @Override
    public Page read(SocialIdentity brand, String since) {
        List<InboundMessage> found = new ArrayList<>();
        String newest = since;
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.directMessageEvents(token);
            Map<String, SocialIdentity> senders = XMessages.authors(answer);
            boolean reachedCursor = false;
            for (JsonNode event : answer.path("data")) {
                String id = event.path("id").asText();
                if (since != null && !Feed.newer(id, since)) {
                    reachedCursor = true;
                    break;
                }
                if ("MessageCreate".equals(event.path("event_type").asText("MessageCreate"))) {
                    found.add(XMessages.directMessage(event, senders));
                }
                if (newest == null || Feed.newer(id, newest)) {
                    newest = id;
                }
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (reachedCursor || token == null) {
                break;
            }
        }
        return new Page(found, newest);
    }
}
