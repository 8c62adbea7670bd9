package org.socialcarebridge.component.facebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
    /** No look-ups: comments are filed with the post's link only, Messenger senders by id. */
    public static final MessageContext NONE = new MessageContext(null);

    private final GraphApi graph;
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
        if (graph == null || psid == null) {
            return null;
        }
        String known = names.get(psid);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        try {
            String name = graph.profile(psid).path("name").asText("").strip();
            names.put(psid, name);
            return name.isEmpty() ? null : name;
        } catch (RuntimeException e) {
            LOG.info("Facebook: the name of Messenger sender {} could not be read; the ticket shows the id: {}", psid,
                    e.getMessage());
            return null;
        }
    }

    /** The post's text, or null when it has none or cannot be read now. */
    String textOf(String postId) {
        if (graph == null || postId == null) {
            return null;
        }
        String known = texts.get(postId);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        try {
            String text = graph.post(postId).path("message").asText("");
            texts.put(postId, text);
            return text.isEmpty() ? null : text;
        } catch (RuntimeException e) {
            LOG.info("Facebook: post {} could not be read for context; its comments are filed with its link: {}", postId,
                    e.getMessage());
            return null;
        }
    }

    /** Remembers a post's text read elsewhere (the recovery reads it with the feed). */
    void know(String postId, String text) {
        if (postId != null) {
            texts.put(postId, text == null ? "" : text);
        }
    }
}
