package org.socialcarebridge.component.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.component.feed.Feed;
import org.socialcarebridge.component.feed.FeedReading;

/**
 * The brand's direct message events. The endpoint has no since_id: pages are read newest first until
 * an event at or below the cursor appears, and the cursor moves to the newest event only then. A walk
 * cut by the page budget, a 429 or an error saves the newest event and the next page's token, and the
 * next poll goes on from that page.
 */
final class XDirectMessagesFeed implements Feed {
    static final int PAGES_PER_POLL = 10;
    /** A walk in progress: the newest event it started from, and the pagination token of its next page. */
    static final String WALK = "x:dm_events:walk";

    private final XApi api;

    XDirectMessagesFeed(XApi api) {
        this.api = api;
    }

    @Override
    public String cursor() {
        return "x:dm_events";
    }

    @Override
    public void read(SocialIdentity brand, FeedReading reading) {
        String since = reading.position(cursor());
        String saved = reading.position(WALK);
        String[] walk = saved == null || saved.isBlank() ? null : saved.strip().split(" ", 2);
        String top = walk == null ? null : walk[0];
        String token = walk == null || walk.length < 2 ? null : walk[1];
        List<InboundMessage> found = new ArrayList<>();
        boolean reachedCursor = false;
        RuntimeException cut = null;
        try {
            for (int page = 0; page < PAGES_PER_POLL && !reachedCursor; page++) {
                JsonNode answer;
                try {
                    answer = api.directMessageEvents(token);
                } catch (PostRejectedException e) {
                    if (token == null) {
                        throw e;
                    }
                    // X no longer knows the saved token: walk again from the newest; the ledger keeps what it has.
                    token = null;
                    continue;
                }
                Map<String, SocialIdentity> senders = XMessages.authors(answer);
                for (JsonNode event : answer.path("data")) {
                    String id = event.path("id").asText(null);
                    if (id != null && since != null && !Feed.newer(id, since)) {
                        reachedCursor = true;
                        break;
                    }
                    if (id != null && (top == null || Feed.newer(id, top))) {
                        top = id;
                    }
                    if ("MessageCreate".equals(event.path("event_type").asText("MessageCreate"))) {
                        InboundMessage m = reading.read(id, event, e -> XMessages.directMessage(e, senders));
                        if (m != null) {
                            found.add(m);
                        }
                    }
                }
                token = answer.path("meta").path("next_token").asText(null);
                reachedCursor |= token == null;
            }
        } catch (RuntimeException e) {
            cut = e; // store what was read first, so the next poll goes on from there
        }
        reading.store(found);
        if (reachedCursor) {
            if (top != null) {
                reading.moveTo(cursor(), top);
            }
            if (saved != null) {
                reading.moveTo(WALK, null);
            }
        } else if (top != null && token != null && !(top + " " + token).equals(saved)) {
            reading.moveTo(WALK, top + " " + token);
        }
        if (cut != null) {
            throw cut;
        }
    }
}
