package org.socialcarebridge.component.facebook;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.component.webhook.MessagingEvents;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookObjectHandler;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.intake.Intake;

/**
 * Takes the Meta webhook's verified {@code page} deliveries, parsed once by the
 * {@link org.socialcarebridge.component.webhook.WebhookDispatch}, into the ledger: every comment of a feed
 * change and every Messenger message of every entry, in one {@link Intake#receive} before it returns, so
 * the receiver's 200 means they are durable. Meta's ids are the ledger's ({@code comment_id},
 * {@code message.mid}), which makes a retried or duplicated delivery store nothing twice.
 * <p>
 * An entry that cannot be read (without its ids) is kept as a dead letter as it came, never thrown:
 * Meta would send the same bytes again for a day and a half. What is no customer's message is skipped:
 * the Page's own comments (its replies come back through the feed), Messenger echoes of what the Page
 * sent, reads, deliveries, reactions and edits.
 */
public final class FacebookWebhookHandler implements WebhookObjectHandler {
    /** The Meta webhook's {@code object} of Facebook Pages: feed changes and Messenger. */
    public static final String OBJECT = "page";

    private final Intake intake;
    private final String pageId;
    private final MessageContext context;

    /** @param pageId the Page's id: comments from it are the brand's own and never become tickets */
    public FacebookWebhookHandler(Intake intake, String pageId) {
        this(intake, pageId, MessageContext.NONE);
    }

    /** @param context the posts' texts, quoted above their comments, and Messenger senders' names */
    public FacebookWebhookHandler(Intake intake, String pageId, MessageContext context) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery, JsonNode root) {
        MessageBatch batch = new MessageBatch(FacebookChannel.FACEBOOK);
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"feed".equals(change.path("field").asText()) || !"comment".equals(value.path("item").asText())
                        || !"add".equals(value.path("verb").asText())) {
                    continue; // a like, a post, an edit or removal: nothing a customer asks
                }
                if (pageId.equals(value.path("from").path("id").asText())) {
                    continue; // the Page's own comment: the plugin's or a moderator's reply
                }
                try {
                    batch.add(FacebookMessages.comment(value, context.textOf(value.path("post_id").asText(null))));
                } catch (IllegalArgumentException e) {
                    batch.unreadable(value.path("comment_id").asText(null), value.toString(), e.getMessage());
                }
            }
            MessagingEvents.read(entry, pageId, event -> FacebookMessages.message(event,
                    context.nameOf(event.path("sender").path("id").asText(null))), batch);
        }
        return WebhookReceipt.of(batch.store(intake), "Facebook");
    }
}
