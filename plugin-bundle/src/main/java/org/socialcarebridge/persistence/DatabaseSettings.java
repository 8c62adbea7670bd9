package org.socialcarebridge.persistence;

/** Where the plugin keeps its state: an embedded H2 file by default, PostgreSQL supported. */
public record DatabaseSettings(String url, String user, String password) {

    /**
     * H2 flushes commits up to 500 ms late by default, so a killed process could forget a message it
     * had acknowledged; the plugin asks it to flush on every commit.
     */
    public DatabaseSettings {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
    }

    public String driverClassName() {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("Unsupported database URL '" + url
                + "'; use jdbc:h2:file:<path> (embedded) or jdbc:postgresql://host/db");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=****]";
    }
}
