package org.socialcarebridge.component.webhook;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.conversation.InboundMessage;

/**
 * The {@code messaging} events of a Meta webhook entry (Messenger, Instagram Direct), read one way: each
 * customer's message into the batch, one that cannot be read as a dead letter as it came (with its
 * {@code mid} when it has one), and what is no customer's message skipped: reads, deliveries, reactions,
 * postbacks, and echoes of what the brand's own account sent.
 */
public final class MessagingEvents {
    private MessagingEvents() {
    }

    /**
     * @param ownId   the brand's own account (the Page, the Instagram account): what it sent is no ticket
     * @param message the product's reading of one event; an IllegalArgumentException names what is missing
     */
    public static void read(JsonNode entry, String ownId, Function<JsonNode, InboundMessage> message,
            MessageBatch batch) {
        for (JsonNode event : entry.path("messaging")) {
            JsonNode m = event.path("message");
            if (m.isMissingNode() || m.path("is_echo").asBoolean(false)
                    || ownId.equals(event.path("sender").path("id").asText())) {
                continue; // a read, a delivery, a reaction, a postback, or an echo of what the brand sent
            }
            try {
                batch.add(message.apply(event));
            } catch (IllegalArgumentException e) {
                batch.unreadable(m.path("mid").asText(null), event.toString(), e.getMessage());
            }
        }
    }
}
