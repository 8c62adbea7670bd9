package org.socialcarebridge.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.export.ExportFiles;
import org.socialcarebridge.export.SeededMessages;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.persistence.StoreFolder;
import org.socialcarebridge.persistence.StoreSettings;

/** ./socialcare export as a shell runs it, against a Karaf folder whose plugin database holds a seeded month. */
class ExportCommandLineTest {
    @TempDir
    Path tmp;
    Path karaf;
    Path out;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void karafWithAPluginDatabase() throws IOException {
        karaf = tmp.resolve("karaf");
        Files.createDirectories(karaf.resolve("etc"));
        out = tmp.resolve("exports");
        // As the plugin opens it: with the password it generates into data/socialcare/store.password.
        try (Database db = Database.open(StoreSettings.from(Map.of(), karaf.resolve("data")))) {
            SeededMessages.seed(db);
        }
    }

    int run(String... args) {
        return new ExportCommandLine(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), karaf.toString()).run(args);
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    List<String> filesInOut() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMonthAsBothFilesNamedByTheWindowWithTheCountAndTheTime() throws IOException {
        assertEquals(0, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()), err());
        String base = "socialcare-messages-2026-11-01-2026-12-01";
        assertEquals(List.of(base + ".csv", base + ".jsonl"), filesInOut(), "no part files left behind");
        assertTrue(out().startsWith("Exported 13 messages written from 2026-11-01T00:00:00Z up to 2026-12-01T00:00:00Z"
                + " (not included) in "), out());
        assertTrue(out().matches("(?s).* in \\d+\\.\\d\\d s:\n.*"), out());
        assertTrue(out().contains("  " + out.resolve(base + ".csv").toAbsolutePath()), out());
        assertTrue(out().contains("  " + out.resolve(base + ".jsonl").toAbsolutePath()), out());
        assertEquals(1 + 13, ExportFiles.csv(Files.readString(out.resolve(base + ".csv"))).size());
        assertEquals(13, Files.readAllLines(out.resolve(base + ".jsonl")).size());
        assertEquals("", err());
    }

    @Test
    void oneFormatAndInstantsWithZOrAnOffset() throws IOException {
        assertEquals(0, run("--from", "2026-11-05T11:00:00+01:00", "--to", "2026-11-05T10:05:00Z", "--format", "csv",
                "--out", out.toString()), err());
        String name = "socialcare-messages-2026-11-05T100000Z-2026-11-05T100500Z.csv";
        assertEquals(List.of(name), filesInOut());
        List<List<String>> csv = ExportFiles.csv(Files.readString(out.resolve(name)));
        assertEquals(2, csv.size(), "the closing at 10:00 only; the survey at 10:05 is the first moment not exported");
        assertTrue(out().startsWith("Exported 1 message written"), out());
    }

    @Test
    void anEmptyWindowGivesAHeaderOnlyCsvAndAnEmptyJsonLinesFile() throws IOException {
        assertEquals(0, run("--from", "2025-01-01", "--to", "2025-02-01", "--out", out.toString()), err());
        assertTrue(out().startsWith("Exported 0 messages"), out());
        String csv = Files.readString(out.resolve("socialcare-messages-2025-01-01-2025-02-01.csv"));
        assertEquals(1, ExportFiles.csv(csv).size());
        assertTrue(csv.startsWith("direction,network,message_id,created_at,"), csv);
        assertEquals(0, Files.size(out.resolve("socialcare-messages-2025-01-01-2025-02-01.jsonl")));
    }

    @Test
    void aDateThatDoesNotExistSaysWhatIsWrongAndTheFormExpected() {
        assertEquals(2, run("--from", "2026-13-01", "--to", "2026-12-01"));
        assertTrue(err().contains("--from 2026-13-01 is not a valid date or time"), err());
        assertTrue(err().contains("MonthOfYear"), "what is wrong: " + err());
        assertTrue(err().contains("YYYY-MM-DD, e.g. 2026-11-01") && err().contains("2026-11-01T09:30:00Z"), err());
        assertTrue(err().contains("usage: socialcare export"), err());
        assertEquals("", out());
    }

    @Test
    void otherWrongArgumentsEachSayWhy() {
        assertUsage("--from 2026-02-30 is not a valid date or time (Invalid date 'FEBRUARY 30')", "--from", "2026-02-30", "--to", "2026-03-01");
        assertUsage("--to yesterday is not a valid date or time", "--from", "2026-11-01", "--to", "yesterday");
        assertUsage("--to 2026-11-01T10:00 is not a valid date or time", "--from", "2026-11-01", "--to", "2026-11-01T10:00");
        assertUsage("--from 2026-12-01 is not before --to 2026-11-01", "--from", "2026-12-01", "--to", "2026-11-01");
        assertUsage("one day is --from 2026-11-05 --to 2026-11-06", "--from", "2026-11-05", "--to", "2026-11-05");
        assertUsage("both --from and --to are needed", "--from", "2026-11-01");
        assertUsage("--format takes csv, jsonl or both, got 'xml'", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "xml");
        assertUsage("unknown option --since", "--since", "2026-11-01");
        assertUsage("--out needs a value", "--from", "2026-11-01", "--to", "2026-12-01", "--out");
        assertUsage("unexpected argument '2026-11-01'", "2026-11-01", "2026-12-01");
    }

    void assertUsage(String expected, String... args) {
        stderr.reset();
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(err().contains(expected), "expected «" + expected + "» in: " + err());
    }

    @Test
    void withoutAKarafToReadItSaysWhereToSayIt() {
        int rc = new ExportCommandLine(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), null).run(new String[] {"--from", "2026-11-01", "--to", "2026-12-01"});
        assertEquals(2, rc);
        assertTrue(err().contains("--karaf DIR or $SOCIALCARE_KARAF"), err());
    }

    @Test
    void aMissingDatabaseIsNamedAndNotCreated() throws IOException {
        Path fresh = tmp.resolve("fresh-karaf");
        Files.createDirectories(fresh.resolve("etc"));
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--karaf", fresh.toString(), "--out", out.toString()));
        Path file = fresh.resolve("data/socialcare/socialcare.mv.db").toAbsolutePath();
        assertTrue(err().contains("no plugin database at " + file), err());
        assertTrue(err().contains("has not stored anything yet"), err());
        assertFalse(Files.exists(file), "H2 would have created an empty one");
        assertFalse(Files.exists(out), "nothing written");

        stderr.reset();
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--karaf", tmp.resolve("nowhere").toString()));
        assertTrue(err().contains("no Karaf installation at " + tmp.resolve("nowhere")), err());
    }

    @Test
    void anUnreachableDatabaseIsNamedWithWhatTheDriverSaid() throws IOException {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        Files.writeString(karaf.resolve("etc/org.socialcarebridge.store.cfg"),
                "url = jdbc:postgresql://127.0.0.1:1/socialcare?password=hunter2\nuser = socialcare\n");
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()));
        assertTrue(err().contains("cannot open the plugin's database jdbc:postgresql://127.0.0.1:1/socialcare?password=****"), err());
        assertTrue(err().contains("refused"), err());
        assertFalse(err().contains("hunter2"), "the password is never shown");
    }

    @Test
    void wrongStoreSettingsAreReportedAsThePluginWould() throws IOException {
        Files.writeString(karaf.resolve("etc/org.socialcarebridge.store.cfg"), "url = jdbc:mysql://db/socialcare\n");
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()));
        assertTrue(err().contains("it is neither an H2 nor a PostgreSQL JDBC URL"), err());
    }

    String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theFilesAreReadableByWhoeverRanTheExportOnlyWhateverTheUmask() throws IOException {
        // This JVM's umask (022 here) would make them 0644.
        Path nested = out.resolve("november");
        assertEquals(0, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", nested.toString()), err());
        assertEquals("rwx------", mode(out), "a folder the export made");
        assertEquals("rwx------", mode(nested));
        for (String f : List.of("socialcare-messages-2026-11-01-2026-12-01.csv", "socialcare-messages-2026-11-01-2026-12-01.jsonl")) {
            assertEquals("rw-------", mode(nested.resolve(f)), f);
        }

        // An earlier export's file in a folder of the administrator's own is replaced by a private one.
        Path shared = tmp.resolve("shared");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path earlier = shared.resolve("socialcare-messages-2026-11-01-2026-12-01.csv");
        Files.writeString(earlier, "an earlier export\n");
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, run("--from", "2026-11-01", "--to", "2026-12-01", "--format", "csv", "--out", shared.toString()), err());
        assertEquals("rw-------", mode(earlier));
        assertEquals("rwxr-xr-x", mode(shared), "a folder that was there is left as it was");
    }

    @Test
    void theExportOpensTheDatabaseWithThePasswordThePluginKeptAndNeverWithout() throws IOException {
        Path passwordFile = karaf.resolve("data/socialcare/" + StoreFolder.PASSWORD_FILE);
        assertTrue(Files.exists(passwordFile));
        String kept = Files.readString(passwordFile);
        Files.writeString(passwordFile, "not the password\n");
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()));
        assertTrue(err().contains("Wrong user name or password") && err().contains(StoreFolder.PASSWORD_FILE), err());
        assertFalse(err().contains("not the password"), "the password is never shown: " + err());

        Files.writeString(passwordFile, "\n");
        stderr.reset();
        assertEquals(1, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()));
        assertTrue(err().contains("store.password is empty"), err());

        Files.writeString(passwordFile, kept);
        stderr.reset();
        assertEquals(0, run("--from", "2026-11-01", "--to", "2026-12-01", "--out", out.toString()), err());
    }

    @Test
    void anEarlierVersionsDatabaseThePluginHasNotYetGivenAPasswordIsStillExported() throws IOException {
        Path earlier = tmp.resolve("earlier-karaf");
        Files.createDirectories(earlier.resolve("etc"));
        String url = "jdbc:h2:file:" + earlier.resolve("data/socialcare/socialcare").toAbsolutePath();
        try (Database db = Database.open(new DatabaseSettings(url, "sa", ""))) {
            SeededMessages.seed(db);
        }
        assertEquals(0, run("--from", "2026-11-01", "--to", "2026-12-01", "--karaf", earlier.toString(), "--out", out.toString()), err());
        assertTrue(out().startsWith("Exported 13 messages"), out());
        assertFalse(Files.exists(earlier.resolve("data/socialcare/" + StoreFolder.PASSWORD_FILE)), "only the plugin makes one");
    }
}
