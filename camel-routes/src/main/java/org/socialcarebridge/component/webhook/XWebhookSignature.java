package org.socialcarebridge.component.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * X's Account Activity scheme: {@code x-twitter-webhooks-signature: sha256=} and the base64 HMAC-SHA256
 * of the raw body with the app's consumer secret, and the CRC that proves to X the plugin holds that
 * secret: {@code GET ?crc_token=T} answers {@code {"response_token":"sha256=<base64 HMAC of T>"}}.
 * The HMAC is {@link HubSignature}'s (only the encoding differs), checked over the raw bytes and in
 * constant time for the same reasons.
 */
public final class XWebhookSignature implements WebhookSignatureScheme {
    public static final String HEADER = "x-twitter-webhooks-signature";
    static final String FORMAT = "sha256=<base64 HMAC-SHA256 of the body with the consumer secret>";
    /** 32 bytes of HMAC-SHA256 in padded base64. */
    private static final int BASE64_LENGTH = 44;

    private final HubSignature hmac;

    /** @param consumerSecret the X app's consumer secret (API key secret); never logged, never echoed */
    public XWebhookSignature(String consumerSecret) {
        if (consumerSecret == null || consumerSecret.isBlank()) {
            throw new IllegalArgumentException("An X webhook signature needs the app's consumer secret (consumerSecret"
                    + " of the X channel's settings); none was given");
        }
        this.hmac = new HubSignature(consumerSecret);
    }

    /**
     * The digest a header carries, or null when the header cannot be a signature of this scheme (not
     * {@code sha256=}, not 44 characters of base64 of 32 bytes): refused before the body is read.
     */
    public static byte[] parse(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, HubSignature.PREFIX, 0, HubSignature.PREFIX.length())
                || value.length() != HubSignature.PREFIX.length() + BASE64_LENGTH) {
            return null;
        }
        try {
            byte[] digest = Base64.getDecoder().decode(value.substring(HubSignature.PREFIX.length()));
            return digest.length == 32 ? digest : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public byte[] claimed(String header) {
        return parse(header);
    }

    /** Whether {@code claimed} (from {@link #parse}) is the HMAC of exactly these bytes; constant time. */
    @Override
    public boolean matches(byte[] claimed, byte[] body) {
        return claimed != null && java.security.MessageDigest.isEqual(hmac.digest(body), claimed);
    }

    /** The header value X puts on these bytes: for tests and the benchmark. */
    public String sign(byte[] body) {
        return HubSignature.PREFIX + Base64.getEncoder().encodeToString(hmac.digest(body));
    }

    /** The CRC's {@code response_token} for this {@code crc_token}. */
    public String responseToken(String crcToken) {
        return sign(crcToken.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "XWebhookSignature[consumerSecret=****]";
    }
}
