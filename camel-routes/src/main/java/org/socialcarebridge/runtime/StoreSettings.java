package org.socialcarebridge.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.settings.Settings;

/** {@code etc/org.socialcarebridge.store.cfg}: the plugin's own database. */
final class StoreSettings {
    static final String PID = "org.socialcarebridge.store";

    private StoreSettings() {
    }

    /** @param dataDir where the embedded H2 file lives when no URL is set (Karaf's data folder) */
    static DatabaseSettings from(Map<String, ?> values, Path dataDir) {
        Settings s = new Settings(PID, values);
        String fallback = "jdbc:h2:file:" + dataDir.resolve("socialcare").resolve("socialcare").toAbsolutePath();
        String url = s.text("url", fallback, "");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            s.problem("url", "it is neither an H2 nor a PostgreSQL JDBC URL",
                    "use jdbc:h2:file:/path/to/socialcare or jdbc:postgresql://host:5432/socialcare");
        }
        String user = s.text("user", "sa", "");
        String password = values.containsKey("password") ? String.valueOf(values.get("password")) : "";
        s.allowOnly(Set.of("url", "user", "password"));
        s.check();
        return new DatabaseSettings(url, user, password);
    }
}
