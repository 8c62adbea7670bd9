package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class XWebhookSignatureTest {
    /** RFC 4231, test case 2, in base64: an HMAC computed elsewhere, so sign() is not only checked against itself. */
    @Test
    void signsAsHmacSha256InBase64() {
        String signed = new XWebhookSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("sha256=W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", signed);
    }

    /** Computed with Python's hmac module: the CRC answer X expects for this token. */
    @Test
    void answersTheCrcWithTheHmacOfTheToken() {
        assertEquals("sha256=8QT1Mg8cHEFJiECHoxhmzwf2u0S33C8tlHA2G61TbnA=",
                new XWebhookSignature("consumer-secret-0123").responseToken("crc-token-abc"));
    }

    @Test
    void matchesOnlyTheExactBytes() {
        XWebhookSignature s = new XWebhookSignature("consumer-secret-0123");
        byte[] sent = "{\"data\":{\"text\":\"caf\\u00e9\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] reserialised = "{\"data\":{\"text\":\"café\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] claimed = XWebhookSignature.parse(s.sign(sent));
        assertTrue(s.matches(claimed, sent));
        assertFalse(s.matches(claimed, reserialised), "the same JSON written otherwise is not what was signed");
        assertFalse(new XWebhookSignature("another-secret").matches(claimed, sent));
        assertFalse(s.matches(null, sent));
    }

    @Test
    void parseTakesOnlySha256AndBase64OfThirtyTwoBytes() {
        String b64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
        assertArrayEquals(XWebhookSignature.parse("sha256=" + b64), XWebhookSignature.parse(" SHA256=" + b64 + " "));
        assertEquals(32, XWebhookSignature.parse("sha256=" + b64).length);
        String hex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        for (String bad : new String[] {null, "", "sha256=", b64, "sha1=" + b64, "sha256=" + b64.substring(1),
                "sha256=" + b64 + "A", "sha256=" + b64.substring(1) + "*", "sha256=" + hex,
                "sha256=" + b64.replace('=', 'A')}) {
            assertNull(XWebhookSignature.parse(bad), bad);
        }
    }

    @Test
    void needsASecretAndNeverShowsIt() {
        assertThrows(IllegalArgumentException.class, () -> new XWebhookSignature(" "));
        assertThrows(IllegalArgumentException.class, () -> new XWebhookSignature(null));
        assertFalse(new XWebhookSignature("consumer-secret-0123").toString().contains("0123"));
    }
}
