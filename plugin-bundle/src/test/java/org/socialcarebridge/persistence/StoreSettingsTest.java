package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.settings.InvalidSettingsException;

class StoreSettingsTest {
    @TempDir
    Path karaf;

    @Test
    void withoutAFileTheEmbeddedDatabaseUnderKarafsDataInMixedMode() throws IOException {
        DatabaseSettings s = StoreSettings.ofKaraf(karaf);
        assertEquals("jdbc:h2:file:" + karaf.resolve("data/socialcare/socialcare").toAbsolutePath() + ";WRITE_DELAY=0;AUTO_SERVER=TRUE",
                s.url());
        assertEquals("sa", s.user());
        assertEquals("", s.password());
    }

    @Test
    void theFileChoosesTheDatabaseAsThePluginReadsIt() throws IOException {
        Files.createDirectories(karaf.resolve("etc"));
        Files.writeString(karaf.resolve("etc/org.socialcarebridge.store.cfg"), """
                # PostgreSQL
                url = jdbc:postgresql://db.example.com:5432/socialcare
                user = socialcare
                password = s3cret
                """);
        DatabaseSettings s = StoreSettings.ofKaraf(karaf);
        assertEquals("jdbc:postgresql://db.example.com:5432/socialcare", s.url(), "nothing added to a PostgreSQL URL");
        assertEquals("socialcare", s.user());
        assertEquals("s3cret", s.password());
    }

    @Test
    void aMisspelledKeyIsRefusedLikeThePluginRefusesIt() throws IOException {
        Files.createDirectories(karaf.resolve("etc"));
        Files.writeString(karaf.resolve("etc/org.socialcarebridge.store.cfg"), "ulr = jdbc:h2:file:/tmp/x\n");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> StoreSettings.ofKaraf(karaf));
        assertTrue(e.getMessage().contains("ulr") && e.getMessage().contains("not a known key"), e.getMessage());
    }

    @Test
    void theMixedModeOnlyForEmbeddedFilesAndNeverAgainstTheAdministratorsChoice() {
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", new DatabaseSettings("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "sa", "").url());
        assertEquals("jdbc:h2:file:/d/s;AUTO_SERVER=FALSE;WRITE_DELAY=0",
                new DatabaseSettings("jdbc:h2:file:/d/s;AUTO_SERVER=FALSE", "sa", "").url());
        assertEquals("jdbc:h2:file:/d/s;FILE_LOCK=FS;WRITE_DELAY=0",
                new DatabaseSettings("jdbc:h2:file:/d/s;FILE_LOCK=FS", "sa", "").url(), "AUTO_SERVER needs H2's own file lock");
    }
}
