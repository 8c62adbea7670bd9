package org.socialcarebridge.component.facebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of the posts customers comment under, so the agent reads what a comment answers: Meta's
 * feed change names the post but not its words, so each post is read once from the Graph API and the
 * newest {@value #KEPT} are kept (a Page has few posts and many comments). A post that cannot be read
 * now is left out: the comment is filed all the same, with the post's link.
 */
public final class PostContext {
    private static final Logger LOG = LoggerFactory.getLogger(PostContext.class);
    static final int KEPT = 512;
    /** No look-ups: comments are filed with the post's link only. */
    public static final PostContext NONE = new PostContext(null);

    private final GraphApi graph;
    private final Map<String, String> texts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    public PostContext(GraphApi graph) {
        this.graph = graph;
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
