package org.socialcarebridge.component.webhook;

/**
 * How a network signs its deliveries, for the {@link WebhookReceiver}: Meta's {@link HubSignature}
 * (hex) or X's {@link XWebhookSignature} (base64). Both are an HMAC-SHA256 of the raw body.
 */
public interface WebhookSignatureScheme {
    /** The request header that carries the signature. */
    String header();

    /** What the header must hold, for the answer to a sender who got it wrong; names no secret. */
    String format();

    /** The digest the header claims, or null when it cannot be a signature of this scheme. */
    byte[] claimed(String header);

    /** Whether {@code claimed} is the HMAC of exactly these bytes; constant time. */
    boolean matches(byte[] claimed, byte[] body);
}
