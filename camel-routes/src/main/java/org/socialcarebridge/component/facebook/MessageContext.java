package org.socialcarebridge.component.facebook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Graph API adds to a webhook's message, which names things by id only: the text of the post a
 * comment answers, so the agent reads what it answers, and the name of a Messenger sender (the User
 * Profile API), so the ticket shows a person rather than a number. Each is read once and the newest
 * {@value #KEPT} of each kept (a Page has few posts and returning customers). What cannot be read now is
 * left out: the message is filed all the same, with the post's link or the sender's id.
 */
public final class MessageContext {
    private static final Logger LOG = LoggerFactory.getLogger(MessageContext.class);
    static final int KEPT = 512;
    /** How long look-ups stop after one failed (declared before NONE, whose construction reads it). */
    static final Duration PAUSE = Duration.ofMinutes(1);
    /** No look-ups: comments are filed with the post's link only, Messenger senders by id. */
    public static final MessageContext NONE = new MessageContext(null);

    private final GraphApi graph;
    /** When a look-up last failed (System.nanoTime); long ago at first. */
    private volatile long pausedSince = System.nanoTime() - PAUSE.toNanos() - 1;
    private final Map<String, String> texts = kept();
    private final Map<String, String> names = kept();

    public MessageContext(GraphApi graph) {
        this.graph = graph;
    }

    private static Map<String, String> kept() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > KEPT;
            }
        });
    }

    /** The name of the person behind a page-scoped id, or null when it cannot be read now. */
    String nameOf(String psid) {
        return lookUp(names, psid, () -> graph.profile(psid).path("name").asText("").strip(),
                "the name of Messenger sender " + psid + " (the ticket shows the id)");
    }

    /** The post's text, or null when it has none or cannot be read now. */
    String textOf(String postId) {
        return lookUp(texts, postId, () -> graph.post(postId).path("message").asText(""),
                "post " + postId + " for context (its comments are filed with its link)");
    }

    /**
     * A value from its cache, else read once and kept. This runs while Meta waits for the webhook's answer,
     * so after a failed read nothing is read for {@link #PAUSE}: a slow or failing Graph API costs one
     * delivery one wait, not every delivery a wait that could outlast Meta's patience.
     */
    private String lookUp(Map<String, String> cache, String key, Supplier<String> read, String what) {
        if (graph == null || key == null) {
            return null;
        }
        String known = cache.get(key);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        if (System.nanoTime() - pausedSince < PAUSE.toNanos()) {
            return null;
        }
        try {
            String value = read.get();
            cache.put(key, value);
            return value.isEmpty() ? null : value;
        } catch (RuntimeException e) {
            pausedSince = System.nanoTime();
            LOG.info("Facebook: could not read {}; no look-ups for {} s: {}", what, PAUSE.toSeconds(), e.getMessage());
            return null;
        }
    }
}
