package org.socialcarebridge.component.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Takes the verified deliveries of one Meta {@code object} ({@code page}: Facebook comments and Messenger;
 * later {@code instagram}, {@code whatsapp_business_account}) from the {@link WebhookDispatch}, which parsed
 * the body once. A channel registers it with the core when it attaches and the core removes it when the
 * channel detaches.
 * <p>
 * The contract is {@link WebhookHandler}'s: when {@link #receive} returns every entry is durable (what
 * cannot be read kept as a dead letter); throwing means nothing may be taken for kept (the network is
 * answered 500 and sends it again), so a retry of entries kept before must be recognised by the
 * network's ids and stored once.
 */
@FunctionalInterface
public interface WebhookObjectHandler {
    /**
     * @param delivery  the delivery as it arrived (its bytes, for a dead letter of the whole)
     * @param delivered its body parsed: a JSON object whose {@code object} is the one this handler took
     */
    WebhookReceipt receive(WebhookDelivery delivery, JsonNode delivered) throws Exception;
}
