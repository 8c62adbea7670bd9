package org.socialcarebridge.component.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.NetworkUnavailableException;

/**
 * Looking an earlier attempt up before sending again ({@code Duplicates.LOOK_UP_BEFORE_POSTING_AGAIN}): the
 * Graph API has no idempotency key, so a Meta channel reads its recent replies and messages for one with
 * the same words. Bounded: past {@link #PAGES} pages it says it could not tell rather than read on.
 */
public final class GraphLookUp {
    /** How far back a look-up pages (100 a page) before it gives up saying it could not tell. */
    public static final int PAGES = 10;
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private GraphLookUp() {
    }

    /**
     * Reads pages until {@code each} answers false or no page follows; too many pages cannot be told.
     *
     * @param what what is read, for the message, e.g. "Facebook: comments under 123"
     */
    public static void walk(Function<String, JsonNode> page, String what, Function<JsonNode, Boolean> each) {
        String after = null;
        for (int i = 0; i < PAGES; i++) {
            JsonNode answer = page.apply(after);
            for (JsonNode item : answer.path("data")) {
                if (!each.apply(item)) {
                    return;
                }
            }
            after = GraphCall.nextPage(answer);
            if (after == null) {
                return;
            }
        }
        throw new NetworkUnavailableException(what + ": more than " + PAGES * GraphCall.PAGE_SIZE
                + " to look through for an earlier attempt");
    }

    /**
     * The ids of the brand's messages in a conversation (Graph lists them newest first) from {@code since}
     * with the same words, oldest first; the walk stops at the first older one.
     */
    public static List<String> messagesLike(Function<String, JsonNode> pages, String what, String ownId, String text,
            Instant since) {
        List<String> found = new ArrayList<>();
        walk(pages, what, m -> {
            Instant at = GraphCall.graphTime(m.path("created_time").asText(""));
            if (at != null && at.isBefore(since)) {
                return false; // newest first: the rest is older than the attempt
            }
            if (sentBy(m, ownId, "message", "created_time", text, since)) {
                found.add(m.path("id").asText());
            }
            return true;
        });
        Collections.reverse(found);
        return found;
    }

    /** The id of the conversation among the listed ones that a person takes part in; null when none is. */
    public static String conversationWith(Function<String, JsonNode> pages, String what, String personId) {
        String[] found = new String[1];
        walk(pages, what, c -> {
            for (JsonNode p : c.path("participants").path("data")) {
                if (personId.equals(p.path("id").asText())) {
                    found[0] = c.path("id").asText();
                    return false;
                }
            }
            return true;
        });
        return found[0];
    }

    /**
     * Whether a comment or message is the brand's with these words, written from {@code since}; one of unknown
     * or unreadable time is kept rather than cutting the look-up short.
     */
    public static boolean sentBy(JsonNode item, String ownId, String textField, String timeField, String text,
            Instant since) {
        Instant at = GraphCall.graphTime(item.path(timeField).asText(""));
        return ownId.equals(item.path("from").path("id").asText()) && (at == null || !at.isBefore(since))
                && sameText(item.path(textField).asText(""), text);
    }

    /** The same words: Meta keeps the text as sent but may trim or fold whitespace. */
    public static boolean sameText(String onMeta, String sent) {
        return SPACE.matcher(onMeta).replaceAll(" ").strip().equals(SPACE.matcher(sent).replaceAll(" ").strip());
    }
}
