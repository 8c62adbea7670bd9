package org.socialcarebridge.persistence;

/** Where the plugin keeps its state: an embedded H2 file by default, PostgreSQL supported. */
public record DatabaseSettings(String url, String user, String password) {

    /**
     * H2 flushes commits up to 500 ms late by default, so a killed process could forget a message it
     * had acknowledged; the plugin asks it to flush on every commit.
     *
     * <p>An embedded H2 file is locked by the process that opened it, so nothing else (the export,
     * H2's own tools) could read it while Karaf runs. {@code AUTO_SERVER=TRUE} (H2's automatic mixed
     * mode) keeps the first process embedded and lets later ones connect through it; every process
     * must ask for it, hence here. The first process's server listens on a random port and admits
     * only clients that read the random key from the lock file beside the database. Not added when
     * the URL chooses AUTO_SERVER or a FILE_LOCK method itself (they exclude each other).
     */
    public DatabaseSettings {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (url.startsWith("jdbc:h2:file:") && !upper.contains("WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
        if (url.startsWith("jdbc:h2:file:") && !upper.contains("AUTO_SERVER") && !upper.contains("FILE_LOCK")) {
            url = url + ";AUTO_SERVER=TRUE";
        }
    }

    /**
     * The file of an embedded H2 database without H2's {@code .mv.db} (for {@code jdbc:h2:file:} URLs, which
     * are the ones opened in mixed mode), or null for any other database.
     */
    public static java.nio.file.Path embeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        path = options >= 0 ? path.substring(0, options) : path;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.nio.file.Path.of(path).toAbsolutePath().normalize();
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

    /** H2's longest text (its CHARACTER VARYING's limit), which EclipseLink gives a {@code @Lob} text there. */
    static final long H2_LARGE_TEXT = 1_000_000_000L;

    /** The type EclipseLink gives a {@code @Lob} text column on this database (for upgrades that widen one). */
    String largeTextType() {
        return url.startsWith("jdbc:postgresql:") ? "TEXT" : "VARCHAR(" + H2_LARGE_TEXT + ")";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=****]";
    }
}
