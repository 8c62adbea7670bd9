package org.socialcarebridge.component.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookObjectHandler;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.delivery.DeliveryReceipt;
import org.socialcarebridge.delivery.DeliveryReceipts;
import org.socialcarebridge.intake.Intake;

/**
 * Takes the Meta webhook's verified {@code whatsapp_business_account} deliveries: every message of every
 * change of every entry goes into the ledger in one {@link Intake#receive} before this returns (so the
 * receiver's 200 means they are durable), keyed by its wamid, which makes a retried or duplicated delivery
 * store nothing twice; every status (sent, delivered, read, failed) goes to the {@link DeliveryReceipts} in
 * the order it came, which keep the newest news of each message (statuses arrive late and out of order).
 * <p>
 * A change for another phone number than this channel's is refused as a dead letter: the Meta app may serve
 * several numbers, and a reply from this one would reach the customer from a number they never wrote to. A
 * message that cannot be read (without its ids) is a dead letter too, never thrown: Meta would send the same
 * bytes again for days.
 */
public final class WhatsAppWebhookHandler implements WebhookObjectHandler {
    /** The Meta webhook's {@code object} of WhatsApp Business Accounts. */
    public static final String OBJECT = "whatsapp_business_account";

    private final Intake intake;
    private final DeliveryReceipts receipts;
    private final String phoneNumberId;
    private final LatestMessages latest;

    /**
     * @param phoneNumberId the business number this channel answers from; changes for another are refused
     * @param latest        where each customer's newest message is kept, for the read receipt of a reply
     */
    WhatsAppWebhookHandler(Intake intake, DeliveryReceipts receipts, String phoneNumberId, LatestMessages latest) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        this.latest = Objects.requireNonNull(latest, "latest");
    }

    /** The handler of the component's number, remembering customers' newest messages for its producer. */
    public WhatsAppWebhookHandler(Intake intake, DeliveryReceipts receipts, WhatsAppComponent component) {
        this(intake, receipts, component.getConfiguration().getPhoneNumberId(), component.latestMessages());
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery, JsonNode root) {
        MessageBatch batch = new MessageBatch(WhatsAppChannel.WHATSAPP);
        List<DeliveryReceipt> statuses = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(change.path("field").asText())) {
                    continue; // template, quality or account updates: nothing a customer asks
                }
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asText("");
                if (!phoneNumberId.equals(number)) {
                    batch.unreadable(null, value.toString(), "A WhatsApp change for phone number id '" + number
                            + "' (" + value.path("metadata").path("display_phone_number").asText("no number") + "), not this"
                            + " channel's " + phoneNumberId + ", was kept unread: a reply would come from a number the"
                            + " customer never wrote to. Set phoneNumberId in " + CloudApi.SETTINGS_FILE + " if this is the"
                            + " number to serve, or remove it from the Meta app's WhatsApp account");
                    continue;
                }
                Map<String, String> names = new HashMap<>();
                for (JsonNode contact : value.path("contacts")) {
                    names.put(contact.path("wa_id").asText(""), contact.path("profile").path("name").asText(null));
                }
                for (JsonNode message : value.path("messages")) {
                    try {
                        batch.add(WhatsAppMessages.message(message, phoneNumberId, names.get(message.path("from").asText(""))));
                    } catch (IllegalArgumentException e) {
                        batch.unreadable(message.path("id").asText(null), message.toString(), e.getMessage());
                    }
                }
                for (JsonNode status : value.path("statuses")) {
                    try {
                        DeliveryReceipt r = receipt(status);
                        if (r != null) {
                            statuses.add(r);
                        }
                    } catch (IllegalArgumentException e) {
                        batch.unreadable(null, status.toString(), "A WhatsApp status was kept unread: " + e.getMessage());
                    }
                }
            }
        }
        List<InboundMessage> messages = batch.messages();
        MessageBatch.Stored stored = batch.store(intake);
        messages.forEach(m -> latest.received(m.author().accountId(), m.messageId(), m.createdAt()));
        int freshStatuses = 0;
        for (DeliveryReceipt r : statuses) {
            if (receipts.receive(r)) {
                freshStatuses++;
            }
        }
        return WebhookReceipt.of(stored, statuses.size(), freshStatuses, "WhatsApp");
    }

    /** A status as a receipt; null for one that says nothing of delivery (e.g. {@code deleted}). */
    static DeliveryReceipt receipt(JsonNode status) {
        DeliveryReceipt.Status s = switch (status.path("status").asText("").toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryReceipt.Status.SENT;
            case "delivered" -> DeliveryReceipt.Status.DELIVERED;
            case "read" -> DeliveryReceipt.Status.READ;
            case "failed" -> DeliveryReceipt.Status.FAILED;
            default -> null;
        };
        if (s == null) {
            return null;
        }
        String wamid = GraphCall.required(status, "id");
        String ts = status.path("timestamp").asText("");
        Instant at = ts.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(ts)) : null;
        Integer code = null;
        List<String> texts = new ArrayList<>();
        for (JsonNode error : status.path("errors")) {
            if (code == null && error.path("code").canConvertToInt()) {
                code = error.path("code").asInt();
            }
            String title = error.path("title").asText(error.path("message").asText("")).strip();
            String details = error.path("error_data").path("details").asText("").strip();
            texts.add(details.isEmpty() ? title : title + ": " + details);
        }
        return new DeliveryReceipt(WhatsAppChannel.WHATSAPP, wamid, s, at, code, texts.isEmpty() ? null
                : String.join("; ", texts));
    }
}
