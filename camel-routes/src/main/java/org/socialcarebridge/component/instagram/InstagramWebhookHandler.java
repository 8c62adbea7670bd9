package org.socialcarebridge.component.instagram;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.component.webhook.MessagingEvents;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookObjectHandler;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;

/**
 * Takes the Meta webhook's verified {@code instagram} deliveries into the ledger, every entry of a batch in
 * one {@link Intake#receive} before it returns: comments on the brand's media ({@code comments}), comments
 * elsewhere that mention the brand ({@code mentions}, which name the comment by id only: its text and author
 * are read from the Graph API now; if that fails the delivery is answered 500 so that Meta sends it again,
 * as the recovery cannot list mentions), and direct messages ({@code messaging}, whose sender, named by id
 * only, is looked up in {@link InstagramProfiles}; without an answer the message is filed by the id).
 * Meta's ids are the ledger's, so a retried or duplicated delivery stores nothing twice.
 * <p>
 * As for Facebook: an item without its ids is kept as a dead letter as it came, never thrown; what is no
 * customer's message is skipped: the account's own comments, echoes of what it sent, reads, reactions and
 * the fields the channel does not take.
 */
public final class InstagramWebhookHandler implements WebhookObjectHandler {
    /** The Meta webhook's {@code object} of Instagram professional accounts. */
    public static final String OBJECT = "instagram";

    private final Intake intake;
    private final String accountId;
    private final InstagramApi api;
    private final InstagramProfiles senders;

    /** Without look-ups of who sends a direct message: they are filed by id. */
    public InstagramWebhookHandler(Intake intake, String accountId, InstagramApi api) {
        this(intake, accountId, api, InstagramProfiles.NONE);
    }

    /**
     * @param accountId the account's id: what it wrote is the brand's own and never becomes a ticket
     * @param api       where a mention's comment is read (the webhook names it by id only)
     * @param senders   who sends a direct message, by the id the webhook gives
     */
    public InstagramWebhookHandler(Intake intake, String accountId, InstagramApi api, InstagramProfiles senders) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.api = Objects.requireNonNull(api, "api");
        this.senders = Objects.requireNonNull(senders, "senders");
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery, JsonNode root) {
        MessageBatch batch = new MessageBatch(InstagramChannel.INSTAGRAM);
        RuntimeException passing = null; // a mention that could not be read now
        for (JsonNode entry : root.path("entry")) {
            long time = entry.path("time").asLong(0);
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asText();
                JsonNode value = change.path("value");
                if ("comments".equals(field)) {
                    if (accountId.equals(value.path("from").path("id").asText())) {
                        continue; // the account's own comment: the plugin's or a moderator's reply
                    }
                    try {
                        batch.add(InstagramMessages.webhookComment(value, time).onBrandMedia());
                    } catch (IllegalArgumentException e) {
                        batch.unreadable(value.path("id").asText(null), value.toString(), e.getMessage());
                    }
                } else if ("mentions".equals(field)) {
                    try {
                        batch.add(mention(value));
                    } catch (IllegalArgumentException | PostRejectedException e) {
                        // Meta refused the read for good (the comment is gone): retrying would not help.
                        batch.unreadable(value.path("comment_id").asText(null), value.toString(),
                                e.getMessage());
                    } catch (RuntimeException e) {
                        passing = passing != null ? passing : e; // thrown once the rest of the delivery is stored
                    }
                }
                // Any other field (story insights, live comments, ...) is nothing the channel takes.
            }
            MessagingEvents.read(entry, accountId, event -> InstagramMessages.webhookMessage(event,
                    senders.of(event.path("sender").path("id").asText(null))), batch);
        }
        WebhookReceipt receipt = WebhookReceipt.of(batch.store(intake), "Instagram");
        if (passing != null) {
            // The comments and messages beside it are stored: Meta's redelivery finds them as duplicates.
            throw passing;
        }
        return receipt;
    }

    /**
     * The mentioning comment, read by id. A passing Graph failure is thrown: Meta is answered 500 and delivers
     * the mention again, since the recovery cannot list mentions (they are on other people's media).
     */
    private InboundMessage mention(JsonNode value) {
        String mediaId = GraphCall.required(value, "media_id");
        String commentId = GraphCall.required(value, "comment_id");
        JsonNode comment = api.mentionedComment(commentId);
        if (comment.isMissingNode() || comment.isNull()) {
            throw new IllegalArgumentException("The Graph API has no comment " + commentId + " mentioning the account"
                    + " (deleted since, or not visible to it)");
        }
        return InstagramMessages.graphComment(comment, mediaId).mention();
    }
}
