package org.socialcarebridge.component.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HubSignatureTest {
    /** RFC 4231, test case 2: an HMAC-SHA256 computed elsewhere, so sign() is not only checked against itself. */
    @Test
    void signsAsHmacSha256InLowerCaseHex() {
        String signed = new HubSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signed);
    }

    @Test
    void matchesOnlyTheExactBytes() {
        HubSignature s = new HubSignature("app-secret-0123456789");
        byte[] escaped = "{\"message\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] reserialised = "{\"message\":\"café\"}".getBytes(StandardCharsets.UTF_8);
        byte[] claimed = HubSignature.parse(s.sign(escaped));
        assertTrue(s.matches(claimed, escaped));
        assertFalse(s.matches(claimed, reserialised), "the same JSON written otherwise is not what was signed");
        assertFalse(s.matches(null, escaped));
    }

    @Test
    void parseTakesOnlySha256AndSixtyFourHexDigits() {
        String hex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertArrayEquals(HubSignature.parse("sha256=" + hex), HubSignature.parse(" SHA256=" + hex.toUpperCase() + " "));
        assertEquals(32, HubSignature.parse("sha256=" + hex).length);
        for (String bad : new String[] {null, "", "sha256=", hex, "sha1=" + hex, "sha256=" + hex.substring(1),
                "sha256=" + hex + "0", "sha256=" + hex.substring(1) + "z", "sha256=" + hex.substring(2) + "+1",
                "sha256=" + hex.substring(1) + "\u0663"}) {
            assertNull(HubSignature.parse(bad), bad);
        }
    }

    @Test
    void needsASecretAndNeverShowsIt() {
        assertThrows(IllegalArgumentException.class, () -> new HubSignature(" "));
        assertThrows(IllegalArgumentException.class, () -> new HubSignature(null));
        assertFalse(new HubSignature("app-secret-0123456789").toString().contains("0123456789"));
    }
}
