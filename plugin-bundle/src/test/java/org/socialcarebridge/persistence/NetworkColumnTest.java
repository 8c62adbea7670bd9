package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.LedgerEntry;

/** NETWORK columns hold what they held when the network was an enum stored by name, and read back the same. */
class NetworkColumnTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    static String stored(Database db, String key) {
        return db.read(em -> (String) em.createNativeQuery("select NETWORK from SC_LEDGER where MESSAGE_KEY = ?1")
                .setParameter(1, key).getSingleResult());
    }

    @Test
    void aNetworkIsStoredByItsOldNameAndFoundByQueriesProjectionsAndKeys() {
        try (Database db = TestDatabase.file(dir)) {
            db.writing(em -> em.persist(LedgerEntry.unreadable(Network.MASTODON, "m1", "{}", "unreadable", NOW)));
            db.writing(em -> em.persist(LedgerEntry.unreadable(Network.X, "x1", "{}", "unreadable", NOW)));
            assertEquals("MASTODON", stored(db, "mastodon:m1"));
            assertEquals("X", stored(db, "x:x1"));

            assertEquals(Network.MASTODON, db.read(em -> em.find(LedgerEntry.class, "mastodon:m1")).network());
            assertEquals("mastodon:m1", db.read(em -> em.createQuery("select e.key from LedgerEntry e where e.network = :n",
                    String.class).setParameter("n", Network.MASTODON).getSingleResult()));
            assertEquals(Network.X, db.read(em -> em.createQuery("select e.network from LedgerEntry e where e.key = :k")
                    .setParameter("k", "x:x1").getSingleResult()));
        }
    }

    @Test
    void aRowOfANetworkNoChannelDeclaresStillReads() {
        try (Database db = TestDatabase.file(dir)) {
            db.writing(em -> em.persist(LedgerEntry.unreadable(Network.X, "f1", "{}", "unreadable", NOW)));
            db.writing(em -> em.createNativeQuery("update SC_LEDGER set NETWORK = 'FACEBOOK'").executeUpdate());
            Network n = db.read(em -> em.find(LedgerEntry.class, "x:f1")).network();
            assertEquals("facebook", n.key());
            assertEquals("FACEBOOK", n.stored());
        }
    }
}
