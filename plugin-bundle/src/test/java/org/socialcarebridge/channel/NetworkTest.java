package org.socialcarebridge.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A network is a value: its key says which, its name is what people read, its stored form is what the enum's was. */
class NetworkTest {

    @Test
    void theDeclaredNetworksAreFoundByKeyWithTheirNames() {
        assertSame(Network.X, Network.fromKey("x"));
        assertSame(Network.MASTODON, Network.fromKey("mastodon"));
        assertEquals("Mastodon", Network.MASTODON.displayName());
        assertEquals("x", Network.X.key());
    }

    @Test
    void aKeyNoChannelDeclaredIsStillANetworkNamedByItsKeyAndEqualToItsLaterDeclaration() {
        Network early = Network.fromKey("threadsnet");
        assertEquals("threadsnet", early.displayName());
        Network declared = Network.declare("threadsnet", "Threads");
        assertEquals(early, declared);
        assertEquals(early.hashCode(), declared.hashCode());
        assertEquals("Threads", Network.fromKey("threadsnet").displayName(), "once declared, its name is known");
        assertEquals(1, Map.of(early, "a").size());
        assertEquals("a", Map.of(early, "a").get(declared), "a map finds it by either");
        assertNotEquals(Network.X, Network.MASTODON);
    }

    @Test
    void declaringAgainAnswersTheSameNetworkAndAnotherNameIsRefused() {
        assertSame(Network.X, Network.declare("x", "X"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.declare("x", "Twitter"));
        assertEquals("The network 'x' is declared as X already, not Twitter; one key, one name", e.getMessage());
    }

    @Test
    void aKeyThatIsNoLowerCaseWordIsRefusedWithTheFix() {
        for (String bad : new String[] {null, "", "X", "face book", "x:1", "1x", "abcdefghijklmnopqrstu"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.fromKey(bad), bad);
            assertTrue(e.getMessage().startsWith("Unknown network '" + bad + "'")
                    && e.getMessage().contains("e.g. x or mastodon"), e.getMessage());
        }
    }

    @Test
    void storedAndPrintedAsTheEnumWas() {
        assertEquals("X", Network.X.stored());
        assertEquals("MASTODON", Network.MASTODON.stored());
        assertEquals("MASTODON", Network.MASTODON.toString());
        assertSame(Network.MASTODON, Network.fromStored("MASTODON"));
        assertSame(Network.X, Network.fromStored("X"));
        assertEquals("FACEBOOK", Network.fromStored("FACEBOOK").stored());
    }
}
