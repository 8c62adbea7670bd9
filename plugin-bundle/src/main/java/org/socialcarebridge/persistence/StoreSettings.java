package org.socialcarebridge.persistence;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import org.socialcarebridge.settings.Settings;

/**
 * {@code etc/org.socialcarebridge.store.cfg}: the plugin's own database. Here rather than beside the
 * other settings in the runtime so that tools run outside Karaf (the export) find the same database the
 * plugin uses, by the same rules.
 */
public final class StoreSettings {
    public static final String PID = "org.socialcarebridge.store";

    private StoreSettings() {
    }

    /**
     * The plugin's view at start. An embedded H2 file without a {@code password} setting is opened with the
     * password generated into {@code store.password} beside it (made now if missing), and its folder and files
     * are narrowed to their owner (see {@link StoreFolder}).
     *
     * @param dataDir where the embedded H2 file lives when no URL is set (Karaf's data folder)
     */
    public static DatabaseSettings from(Map<String, ?> values, Path dataDir) {
        return read(values, dataDir, StoreFolder::securedPassword);
    }

    private static DatabaseSettings read(Map<String, ?> values, Path dataDir, Function<StoreFolder, String> generated) {
        Settings s = new Settings(PID, values);
        String url = s.text("url", defaultUrl(dataDir), "");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            s.problem("url", "it is neither an H2 nor a PostgreSQL JDBC URL",
                    "use jdbc:h2:file:/path/to/socialcare or jdbc:postgresql://host:5432/socialcare");
        }
        String user = s.text("user", "sa", "");
        // Taken as written (a password may end in a space); unlike other secrets, none is a valid choice:
        // the embedded database then gets a generated one.
        Object given = values.get("password");
        String password = given == null || String.valueOf(given).isBlank() ? "" : String.valueOf(given);
        s.allowOnly(Set.of("url", "user", "password"));
        s.check();
        Path embedded = DatabaseSettings.embeddedFile(url);
        if (embedded != null && password.isEmpty()) {
            password = generated.apply(new StoreFolder(embedded, url.equals(defaultUrl(dataDir))));
        }
        return new DatabaseSettings(url, user, password);
    }

    /**
     * The settings of a Karaf installation as the plugin reads them, for tools run beside it: its {@code etc/}
     * file if there is one (a missing file means every default), its {@code data/} folder for the embedded
     * database and the password the plugin kept there. Never writes: a database the plugin has not yet given a
     * password (an earlier version's) is read with the empty one it was made with.
     */
    public static DatabaseSettings ofKaraf(Path karafHome) throws IOException {
        Path file = karafHome.resolve("etc").resolve(PID + ".cfg");
        Map<String, Object> values = new HashMap<>();
        if (Files.exists(file)) {
            // Karaf's .cfg files are Java properties files.
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
        return read(values, karafHome.resolve("data"), StoreFolder::keptPassword);
    }

    /** The embedded H2 file under Karaf's data folder: {@code data/socialcare/socialcare(.mv.db)}. */
    static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("socialcare").resolve("socialcare").toAbsolutePath();
    }
}
