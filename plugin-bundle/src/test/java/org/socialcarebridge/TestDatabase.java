package org.socialcarebridge;

import java.util.UUID;

import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;

/** A fresh in-memory H2 database per test: real SQL and constraints, nothing left behind. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Database open() {
        return Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static Database file(java.nio.file.Path dir) {
        return Database.open(new DatabaseSettings("jdbc:h2:file:" + dir.resolve("socialcare"), "sa", ""));
    }
}
