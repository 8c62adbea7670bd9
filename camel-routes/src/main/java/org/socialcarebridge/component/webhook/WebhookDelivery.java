package org.socialcarebridge.component.webhook;

import java.time.Instant;

/**
 * A delivery whose signature was verified: the raw bytes as they arrived (to be parsed only now, and
 * kept as they are if they cannot be), and when they arrived.
 */
public record WebhookDelivery(String webhook, byte[] body, Instant receivedAt) {
}
