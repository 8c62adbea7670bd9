package org.socialcarebridge.component.graph;

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

    /** The same words: Meta keeps the text as sent but may trim or fold whitespace. */
    public static boolean sameText(String onMeta, String sent) {
        return SPACE.matcher(onMeta).replaceAll(" ").strip().equals(SPACE.matcher(sent).replaceAll(" ").strip());
    }
}
