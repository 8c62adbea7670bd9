package org.socialcarebridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.settings.InvalidSettingsException;

/** etc/org.socialcarebridge.http.cfg: ships without a token or secret, and never shows either. */
class HttpSettingsTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void theShippedFileHasNoTokenAndNoSecretSoBothDoorsAreShut() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../descriptors/src/main/karaf/etc/org.socialcarebridge.http.cfg"))) {
            p.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        p.forEach((k, v) -> values.put((String) k, v));
        HttpSettings settings = HttpSettings.from(values);
        assertEquals("127.0.0.1", settings.host());
        assertNull(settings.adminToken());
        assertNull(settings.notifySecret());
    }

    @Test
    void theSecretsAreReadAndNeverShown() {
        HttpSettings settings = HttpSettings.from(Map.of("adminToken", "admin-token-0123456789", "notifySecret", " " + SECRET + " "));
        assertEquals(SECRET, settings.notifySecret());
        assertFalse(settings.toString().contains(SECRET) || settings.toString().contains("admin-token"), settings.toString());
        assertTrue(settings.toString().contains("notifySecret=****"), settings.toString());
        assertNull(HttpSettings.from(Map.of("notifySecret", "  ")).notifySecret(), "blank is unset");
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingItAndSaysWhereTheRightOneIs() {
        String shortSecret = "abc123-short-secret";
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> HttpSettings.from(Map.of("notifySecret", shortSecret, "notifySecrets", SECRET)));
        String all = e.problems().toString();
        assertTrue(all.contains("Setting notifySecret in etc/org.socialcarebridge.http.cfg = '****'"), all);
        assertTrue(all.contains("$SocialCareNotifySecret") && all.contains("98-socialcare-secret.pm"), all);
        assertTrue(all.contains("notifySecrets"), "a misspelt key is named: " + all);
        assertFalse(all.contains(shortSecret) || all.contains(SECRET), all);
    }
}
