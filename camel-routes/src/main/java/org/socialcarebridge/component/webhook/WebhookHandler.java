package org.socialcarebridge.component.webhook;

/**
 * Takes the verified deliveries of one webhook: what a network's channel implements (the Meta channel
 * for {@code /socialcare/webhooks/meta}, X's for its own).
 * <p>
 * Contract: when {@link #receive} returns, every event of the delivery (every entry of a batch) is
 * durable, e.g. in the ledger, because the receiver answers 200 only then and the network never sends
 * it again. A delivery that is signed but cannot be read must be kept too (a dead letter), not thrown:
 * the network would retry the same bytes for a day and a half. Throwing means nothing may be taken for
 * kept: the receiver answers 500 and the network retries, so the handler must take a retry of events
 * it already kept as duplicates (dedupe on the network's ids), never file them twice.
 */
@FunctionalInterface
public interface WebhookHandler {
    WebhookReceipt receive(WebhookDelivery delivery) throws Exception;
}
