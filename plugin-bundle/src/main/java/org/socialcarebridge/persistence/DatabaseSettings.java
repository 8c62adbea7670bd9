package org.socialcarebridge.persistence;

/** Where the plugin keeps its state: an embedded H2 file by default, PostgreSQL supported. */
public record DatabaseSettings(String url, String user, String password) {

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
