package org.socialcarebridge.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature-256} scheme (Meta's Graph webhooks; Mastodon's and GitHub's are the same):
 * {@code sha256=} and the hex HMAC-SHA256 of the raw body with the app secret. Checked over the bytes
 * exactly as they arrived (Meta signs its unicode-escaped JSON, so re-serialised JSON would not match)
 * and compared in constant time, so a forger cannot learn the signature byte by byte from timings.
 */
public final class HubSignature implements WebhookSignatureScheme {
    public static final String HEADER = "X-Hub-Signature-256";
    static final String FORMAT = "sha256=<hex HMAC-SHA256 of the body with the app secret>";
    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    /** 32 bytes of HMAC-SHA256 in hex. */
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;

    /** @param secret the app secret; never logged, never echoed */
    public HubSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A hub signature needs the app secret; none was given");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * The digest a header carries, or null when the header cannot be a signature of this scheme (not
     * {@code sha256=}, not 64 hex digits): such a request is refused before its body is read.
     */
    public static byte[] parse(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || value.length() != PREFIX.length() + HEX_LENGTH) {
            return null;
        }
        String hex = value.substring(PREFIX.length());
        for (int i = 0; i < hex.length(); i++) {
            // ASCII only: Character.digit would also take other scripts' digits, which parseHex refuses.
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
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
        return claimed != null && MessageDigest.isEqual(digest(body), claimed);
    }

    /** The header value a sender puts on these bytes: for tests, the simulators and the benchmark. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(digest(body));
    }

    /** The raw HMAC-SHA256 of these bytes with the secret: shared with {@link XWebhookSignature}. */
    byte[] digest(byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to make; one per delivery keeps the receiver lock-free.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime; this one lacks it", e);
        }
    }

    @Override
    public String toString() {
        return "HubSignature[secret=****]";
    }
}
