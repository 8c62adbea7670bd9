package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.TestDatabase;

/** A database made before an index was declared gets it when the plugin next opens it. */
class MissingIndexesTest {
    @TempDir
    Path dir;

    static long ledgerIndexes(Database db, String name) {
        return db.read(em -> ((Number) em.createNativeQuery("select count(*) from INFORMATION_SCHEMA.INDEXES"
                + " where TABLE_NAME = 'SC_LEDGER' and INDEX_NAME = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    @Test
    void anIndexMissingFromAnOlderDatabaseIsAddedOnOpen() {
        try (Database db = TestDatabase.file(dir)) {
            assertEquals(1, ledgerIndexes(db, "SC_LEDGER_CREATED"));
            db.writing(em -> em.createNativeQuery("DROP INDEX SC_LEDGER_CREATED").executeUpdate());
            assertEquals(0, ledgerIndexes(db, "SC_LEDGER_CREATED"), "as in a database from before the export");
        }
        try (Database db = TestDatabase.file(dir)) {
            assertEquals(1, ledgerIndexes(db, "SC_LEDGER_CREATED"));
            assertEquals(1, ledgerIndexes(db, "SC_LEDGER_STATE"), "the existing ones are left as they are");
        }
    }
}
