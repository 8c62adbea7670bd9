package org.socialcarebridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's password (contract 11), against real H2 files. */
class StorePasswordTest {
    @TempDir
    Path data;

    Path folder() {
        return data.resolve("socialcare");
    }

    String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** What an attacker on this machine tried: H2's own driver, user SA, an empty password. */
    static SQLException refusedWithoutPassword(DatabaseSettings settings) {
        return assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(settings.url(), "sa", "")) {
                c.createStatement().execute("select 1");
            }
        });
    }

    @Test
    void aNewDatabaseGetsAGeneratedPasswordKeptByItsOwnerOnlyAndRefusesTheEmptyOne() throws Exception {
        DatabaseSettings settings = StoreSettings.from(Map.of(), data);
        Path file = folder().resolve(StoreFolder.PASSWORD_FILE);
        assertTrue(settings.password().matches("sc-[A-Za-z0-9_-]{43}"), "256 random bits, base64url, never read as hex by EclipseLink");
        assertEquals(settings.password() + "\n", Files.readString(file));
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(folder()));

        try (Database db = Database.open(settings)) {
            db.moveCursor("x", "42", Instant.now());
        }
        assertEquals("rw-------", mode(folder().resolve("socialcare.mv.db")), "H2's own file, whatever the umask");
        assertEquals(28000, refusedWithoutPassword(settings).getErrorCode(), "H2's wrong user or password");

        DatabaseSettings again = StoreSettings.from(Map.of(), data);
        assertEquals(settings.password(), again.password(), "the next start reads the kept password");
        try (Database db = Database.open(again)) {
            assertEquals("42", db.cursor("x"));
        }
    }

    @Test
    void anEarlierVersionsDatabaseWithAnEmptyPasswordIsGivenThePasswordInPlaceAndKeepsItsRows() throws Exception {
        // As an earlier version left it: SA with an empty password, the folder 0755, its files 0644.
        DatabaseSettings earlier = new DatabaseSettings(StoreSettings.defaultUrl(data), "sa", "");
        try (Database db = Database.open(earlier)) {
            db.moveCursor("x", "1234", Instant.now());
            db.moveCursor("mastodon", "99", Instant.now());
        }
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder().resolve("socialcare.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(folder().resolve("socialcare.trace.db"), "an earlier trace\n");
        Files.setPosixFilePermissions(folder().resolve("socialcare.trace.db"), PosixFilePermissions.fromString("rw-r--r--"));

        DatabaseSettings settings = StoreSettings.from(Map.of(), data);
        assertEquals("rwx------", mode(folder()));
        assertEquals("rw-------", mode(folder().resolve("socialcare.mv.db")));
        assertEquals("rw-------", mode(folder().resolve("socialcare.trace.db")));
        try (Database db = Database.open(settings)) {
            assertEquals("1234", db.cursor("x"));
            assertEquals("99", db.cursor("mastodon"));
        }
        assertEquals(28000, refusedWithoutPassword(settings).getErrorCode());
        try (Connection c = DriverManager.getConnection(settings.url(), "sa", settings.password())) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    void thePasswordOfTheStoreSettingsWinsAndNoFileIsMade() throws Exception {
        DatabaseSettings settings = StoreSettings.from(Map.of("password", "chosen by the administrator"), data);
        assertEquals("chosen by the administrator", settings.password());
        try (Database db = Database.open(settings)) {
            db.moveCursor("x", "7", Instant.now());
        }
        assertFalse(Files.exists(folder().resolve(StoreFolder.PASSWORD_FILE)));
        refusedWithoutPassword(settings);
    }

    @Test
    void toolsBesideThePluginReadTheKeptPasswordAndNeverMakeOne() throws Exception {
        Path karaf = data.getParent().resolve(data.getFileName() + "-karaf");
        Files.createDirectories(karaf.resolve("etc"));
        assertEquals("", StoreSettings.ofKaraf(karaf).password(), "nothing kept yet: an earlier version's empty password");
        assertFalse(Files.exists(karaf.resolve("data/socialcare/" + StoreFolder.PASSWORD_FILE)));

        String plugin = StoreSettings.from(Map.of(), karaf.resolve("data")).password();
        assertEquals(plugin, StoreSettings.ofKaraf(karaf).password());
    }

    @Test
    void aDatabaseThatRefusesBothPasswordsSaysWhereThePasswordIsSet() throws Exception {
        DatabaseSettings other = new DatabaseSettings(StoreSettings.defaultUrl(data), "sa", "someone else's");
        Database.open(other).close();

        DatabaseSettings settings = StoreSettings.from(Map.of(), data);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(settings));
        assertTrue(e.getMessage().contains("refuses user sa") && e.getMessage().contains("org.socialcarebridge.store.cfg")
                && e.getMessage().contains(StoreFolder.PASSWORD_FILE), e.getMessage());
        assertFalse(e.getMessage().contains(settings.password()), "the password is never shown");
        try (Database db = Database.open(other)) {
            assertEquals(null, db.cursor("x"), "untouched");
        }
    }

    @Test
    void anEmptiedPasswordFileIsRefusedRatherThanOpeningWithoutAPassword() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(folder().resolve(StoreFolder.PASSWORD_FILE), "\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StoreSettings.from(Map.of(), data));
        assertTrue(e.getMessage().contains("store.password is empty"), e.getMessage());
    }

    @Test
    void anAdministratorsH2FileKeepsItsGeneratedPasswordBesideItWithoutNarrowingTheirFolder() throws Exception {
        Path theirs = data.resolve("var-lib");
        Files.createDirectories(theirs);
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxr-xr-x"));
        DatabaseSettings settings = StoreSettings.from(Map.of("url", "jdbc:h2:file:" + theirs.resolve("socialcare")), data);
        assertEquals(Files.readString(theirs.resolve(StoreFolder.PASSWORD_FILE)).strip(), settings.password());
        assertEquals("rw-------", mode(theirs.resolve(StoreFolder.PASSWORD_FILE)));
        assertEquals("rwxr-xr-x", mode(theirs), "a folder the administrator chose may hold other things");
        assertNotEquals("", settings.password());
        try (Database db = Database.open(settings)) {
            assertEquals(null, db.cursor("x"));
        }
        refusedWithoutPassword(settings);
    }

    @Test
    void h2sMixedModeServerListensOnThisMachineOnlyInAFreshJvm() throws Exception {
        Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(jvm.toString(), "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(),
                data.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*server=(127\\.0\\.0\\.1|localhost):\\d+\n.*"), out);
        assertTrue(out.contains("reachable=\n"), "no other address of this machine reaches it: " + out);
    }
}
