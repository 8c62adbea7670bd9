package org.socialcarebridge.component.x;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.component.webhook.WebhookDelivery;
import org.socialcarebridge.component.webhook.WebhookHandler;
import org.socialcarebridge.component.webhook.WebhookReceipt;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.intake.Intake;

/**
 * Takes the X webhook's verified deliveries, one X Activity event each in the XAA envelope
 * ({@code {"data":{"event_uuid","filter":{"user_id"},"event_type","payload","includes"}}}), into the
 * ledger before it returns, as the same messages the pollers make ({@link XMessages}):
 * {@code post.mention.create} carries the post as the v2 API writes it and its authors in
 * {@code data.includes.users}; {@code dm.received} carries Account Activity's
 * {@code payload.direct_message_events[0]} and its {@code payload.users}, read here into the v2 shape.
 * The ledger's ids are X's (post id, DM event id), so a retried or duplicated delivery, or an event
 * the poller already read, stores nothing twice.
 * <p>
 * A body or event that cannot be read is kept as a dead letter, never thrown (X would retry the same
 * bytes); an event for another account or of another type is skipped. The brand's own DMs are skipped
 * (its replies are in the ledger already). A mention answering a post the plugin has not seen brings its
 * thread along as the mentions feed does ({@link XMentionsFeed#withAncestors}), so the webhook, the stream
 * and the poll give a ticket the same chain. The activity stream hands its events here too, one line each.
 */
public final class XWebhookHandler implements WebhookHandler {
    static final String MENTION = "post.mention.create";
    static final String DM = "dm.received";

    private final Intake intake;
    private final XApi api;
    private final Supplier<String> brandId;
    private final String quoteReason;
    private final ObjectMapper json;

    /**
     * @param brandId     the brand's X user id (asked of X once, so a failure answers 500 and X retries): events
     *                    filtered for another account are not this channel's
     * @param ticketQuotes whether quote posts are filed like mentions, or only recorded (as the mentions feed)
     */
    public XWebhookHandler(Intake intake, XApi api, Supplier<String> brandId, boolean ticketQuotes, ObjectMapper json) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.api = Objects.requireNonNull(api, "api");
        this.brandId = Objects.requireNonNull(brandId, "brandId");
        this.quoteReason = XMentionsFeed.quoteReason(ticketQuotes);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public WebhookReceipt receive(WebhookDelivery delivery) throws Exception {
        MessageBatch batch = new MessageBatch(Network.X);
        JsonNode data;
        try {
            data = json.readTree(delivery.body()).path("data");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            batch.unreadable(null, new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8),
                    "An X webhook delivery that is not JSON: " + e.getOriginalMessage());
            return WebhookReceipt.of(batch.store(intake), "X");
        }
        String type = data.path("event_type").asText("");
        String forUser = data.path("filter").path("user_id").asText("");
        if (type.isEmpty() || forUser.isEmpty() || data.path("event_uuid").asText("").isEmpty()) {
            // Signed, so from X (or whoever holds the secret), yet not an event: kept where an administrator sees it.
            batch.unreadable(null, new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8),
                    "An X webhook delivery without data.event_uuid, data.event_type or data.filter.user_id: not an X"
                            + " Activity event");
            return WebhookReceipt.of(batch.store(intake), "X");
        }
        String brandId = this.brandId.get();
        if (!forUser.equals(brandId) || !(MENTION.equals(type) || DM.equals(type))) {
            return new WebhookReceipt(0, 0); // another account's or another kind: not this channel's
        }
        JsonNode payload = data.path("payload");
        if (MENTION.equals(type)) {
            InboundMessage mention;
            try {
                mention = XMessages.message(payload, XMessages.authors(data), quoteReason);
            } catch (IllegalArgumentException e) {
                batch.unreadable(payload.path("id").asText(null), data.toString(), e.getMessage());
                return WebhookReceipt.of(batch.store(intake), "X");
            }
            List<InboundMessage> thread = new ArrayList<>(XMentionsFeed.withAncestors(api, id -> intake.knows(Network.X, id),
                    List.of(mention), (id, item, mapper) -> {
                        try {
                            return mapper.apply(item);
                        } catch (RuntimeException e) {
                            batch.unreadable(id, item.toString(), e.getMessage());
                            return null;
                        }
                    }));
            Collections.reverse(thread); // the thread's first post first, the mention last
            thread.forEach(batch::add);
        } else {
            Map<String, SocialIdentity> senders = senders(payload.path("users"));
            for (JsonNode event : payload.path("direct_message_events")) {
                JsonNode create = event.path("message_create");
                if (!"message_create".equals(event.path("type").asText("message_create"))
                        || brandId.equals(create.path("sender_id").asText())) {
                    continue;
                }
                try {
                    batch.add(XMessages.directMessage(v2(event, create), senders));
                } catch (IllegalArgumentException e) {
                    batch.unreadable(event.path("id").asText(null), event.toString(), e.getMessage());
                }
            }
        }
        return WebhookReceipt.of(batch.store(intake), "X");
    }

    /** Account Activity's users map, {@code {"<id>":{"data":{...}}}} or {@code {"<id>":{...}}}, as XMessages reads v2 users. */
    private Map<String, SocialIdentity> senders(JsonNode users) {
        ObjectNode page = json.createObjectNode();
        var list = page.putObject("includes").putArray("users");
        users.fields().forEachRemaining(e -> list.add(e.getValue().has("data") ? e.getValue().get("data") : e.getValue()));
        return XMessages.authors(page); // as it is: its remarks (a name or handle that did not fit) go with the DM
    }

    /** The DM event as the v2 API writes it (what XMessages reads): id, sender_id, text, created_at, conversation. */
    private ObjectNode v2(JsonNode event, JsonNode create) {
        ObjectNode v2 = json.createObjectNode();
        String sender = create.path("sender_id").asText(null);
        String recipient = create.path("target").path("recipient_id").asText(null);
        v2.put("id", event.path("id").asText(null));
        v2.put("event_type", "MessageCreate");
        v2.put("sender_id", sender);
        v2.put("text", create.path("message_data").path("text").asText(""));
        JsonNode millis = event.path("created_timestamp");
        if (millis.canConvertToLong() || millis.asText("").matches("[0-9]{1,15}")) {
            v2.put("created_at", Instant.ofEpochMilli(Long.parseLong(millis.asText())).toString());
        } else if (!millis.isMissingNode()) {
            v2.put("created_at", millis.asText());
        }
        if (sender != null && recipient != null) {
            v2.put("dm_conversation_id", conversation(sender, recipient));
        }
        return v2;
    }

    /** X's one-to-one conversation id: the smaller user id, a dash, the larger (ids compared as numbers). */
    static String conversation(String a, String b) {
        boolean aFirst = a.length() != b.length() ? a.length() < b.length() : a.compareTo(b) <= 0;
        return aFirst ? a + "-" + b : b + "-" + a;
    }
}
