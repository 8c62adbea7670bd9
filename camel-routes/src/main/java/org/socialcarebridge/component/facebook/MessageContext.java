package org.socialcarebridge.component.facebook;

import org.socialcarebridge.component.webhook.WebhookLookUps;

/**
 * What the Graph API adds to a webhook's message, which names things by id only: the text of the post a
 * comment answers, so the agent reads what it answers, and the name of a Messenger sender (the User
 * Profile API), so the ticket shows a person rather than a number. Read once each and kept, with a pause
 * after a failure ({@link WebhookLookUps}); what cannot be read now is left out: the message is filed all
 * the same, with the post's link or the sender's id.
 */
public final class MessageContext {
    /** No look-ups: comments are filed with the post's link only, Messenger senders by id. */
    public static final MessageContext NONE = new MessageContext(null);

    private final GraphApi graph;
    private final WebhookLookUps lookUps = new WebhookLookUps("Facebook");
    private final WebhookLookUps.Kept<String> texts = lookUps.kept();
    private final WebhookLookUps.Kept<String> names = lookUps.kept();

    public MessageContext(GraphApi graph) {
        this.graph = graph;
    }

    /** The name of the person behind a page-scoped id, or null when it cannot be read now. */
    String nameOf(String psid) {
        return graph == null ? null : names.get(psid, () -> orNull(graph.profile(psid).path("name").asText("").strip()),
                "the name of Messenger sender " + psid + " (the ticket shows the id)");
    }

    /** The post's text, or null when it has none or cannot be read now. */
    String textOf(String postId) {
        return graph == null ? null : texts.get(postId, () -> orNull(graph.post(postId).path("message").asText("")),
                "post " + postId + " for context (its comments are filed with its link)");
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
