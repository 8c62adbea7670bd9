package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.TestDatabase;

/** A database made when a column was narrower gets the column as declared now, with its data, on open. */
class WidenedColumnsTest {
    @TempDir
    Path dir;

    private static String type(Database db, String table, String column) {
        return db.read(em -> {
            Object[] c = (Object[]) em.createNativeQuery("select DATA_TYPE, CHARACTER_MAXIMUM_LENGTH from"
                            + " INFORMATION_SCHEMA.COLUMNS where TABLE_NAME = ?1 and COLUMN_NAME = ?2")
                    .setParameter(1, table).setParameter(2, column).getSingleResult();
            return c[0] + (c[0].toString().contains("LARGE") ? "" : "(" + c[1] + ")");
        });
    }

    @Test
    void anOutboxOfAnEarlierVersionGetsUnboundedPostIdsAndItsRowsStay() {
        try (Database db = TestDatabase.file(dir)) {
            db.writing(em -> {
                em.createNativeQuery("ALTER TABLE SC_OUTBOX ALTER COLUMN POST_ID SET DATA TYPE VARCHAR(100)").executeUpdate();
                em.createNativeQuery("ALTER TABLE SC_OUTBOX ALTER COLUMN POST_URL SET DATA TYPE VARCHAR(1000)").executeUpdate();
                em.createNativeQuery("ALTER TABLE SC_LEDGER ALTER COLUMN LAST_ERROR SET DATA TYPE VARCHAR(50)").executeUpdate();
                em.createNativeQuery("INSERT INTO SC_OUTBOX (TRANSACTION_ID, TICKET_ID, STATE, ATTEMPTS, NEXT_ATTEMPT_AT,"
                        + " POST_ID, HOST_UPDATE_PENDING, CREATED_AT, UPDATED_AT) VALUES (5, 1, 'POSTED', 1,"
                        + " '2026-11-24T10:00:00Z', '1900000000000000001 1900000000000000002', FALSE,"
                        + " '2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z')").executeUpdate();
            });
            assertEquals("CHARACTER VARYING(100)", type(db, "SC_OUTBOX", "POST_ID"), "as in a database of an earlier version");
        }
        try (Database db = TestDatabase.file(dir)) {
            assertEquals("CHARACTER VARYING(1000000000)", type(db, "SC_OUTBOX", "POST_ID"), "as EclipseLink makes a @Lob text on H2");
            assertEquals(type(db, "SC_OUTBOX", "TEXT"), type(db, "SC_OUTBOX", "POST_URL"));
            assertEquals("CHARACTER VARYING(" + ColumnText.ERROR_LENGTH + ")", type(db, "SC_LEDGER", "LAST_ERROR"));
            assertEquals("CHARACTER VARYING(200)", type(db, "SC_LEDGER", "AUTHOR_HANDLE"), "a column as declared is left alone");
            assertEquals("1900000000000000001 1900000000000000002", db.read(em -> em.createNativeQuery(
                    "select POST_ID from SC_OUTBOX where TRANSACTION_ID = 5").getSingleResult()).toString());
        }
    }
}
