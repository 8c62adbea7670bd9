package org.socialcarebridge.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.SocialIdentity;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.export.ExportFiles;
import org.socialcarebridge.export.SeededMessages;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.StoreSettings;

/**
 * The export run as its own JVM (as ./socialcare export runs it) while this JVM plays the plugin,
 * holding the embedded H2 file open and writing to it, as Karaf does.
 */
class SecondProcessExportTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
    }

    Run exportInAnotherJvm(Path karaf, Path out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExportCommandLine.class.getName(), "--karaf", karaf.toString(), "--from", "2026-11-01", "--to", "2026-12-01",
                "--out", out.toString());
        pb.environment().remove("SOCIALCARE_KARAF");
        Path stdout = tmp.resolve("export.out");
        Path stderr = tmp.resolve("export.err");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the export did not finish within 90 s: " + Files.readString(stderr));
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void theExportReadsTheFileThePluginHoldsOpenAndThePluginWritesOnMeanwhile() throws Exception {
        Path karaf = tmp.resolve("karaf");
        Files.createDirectories(karaf.resolve("etc"));
        try (Database plugin = Database.open(StoreSettings.from(plugin(karaf), karaf.resolve("data")))) {
            SeededMessages.seed(plugin);
            // The plugin keeps receiving messages (in December, outside the window) while the export reads.
            AtomicBoolean exporting = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread intake = new Thread(() -> {
                while (exporting.get() && failed.get() == null) {
                    try {
                        receive(plugin, "dec-" + written.get());
                        written.incrementAndGet();
                        Thread.sleep(5);
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                }
            });
            intake.start();
            Run run;
            try {
                run = exportInAnotherJvm(karaf, tmp.resolve("out"));
            } finally {
                exporting.set(false);
                intake.join();
            }
            assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
            assertTrue(run.out().startsWith("Exported 13 messages"), run.out());
            Path csv = tmp.resolve("out/socialcare-messages-2026-11-01-2026-12-01.csv");
            assertEquals(1 + SeededMessages.IN_ORDER.size(), ExportFiles.csv(Files.readString(csv)).size());
            assertEquals(null, failed.get(), "the plugin's writes never failed while the export read");
            assertTrue(written.get() > 0, "the plugin wrote during the export");

            receive(plugin, "after");
            long december = plugin.read(em -> em.createQuery("select count(e) from LedgerEntry e where e.createdAt >= :d", Long.class)
                    .setParameter("d", SeededMessages.TO).getSingleResult());
            assertEquals(written.get() + 2, december, "every write is there (plus the seeded first second of December)");
        }
    }

    @Test
    void withoutTheMixedModeTheFileIsLockedToTheProcessThatHoldsIt() throws Exception {
        // The control: the same, but the administrator's URL turns AUTO_SERVER off for both processes.
        Path karaf = tmp.resolve("karaf");
        Files.createDirectories(karaf.resolve("etc"));
        Path file = karaf.resolve("data/socialcare/socialcare").toAbsolutePath();
        Files.writeString(karaf.resolve("etc/org.socialcarebridge.store.cfg"), "url = jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE\n");
        try (Database plugin = Database.open(StoreSettings.from(plugin(karaf), karaf.resolve("data")))) {
            SeededMessages.seed(plugin);
            Run run = exportInAnotherJvm(karaf, tmp.resolve("out"));
            assertEquals(1, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
            assertTrue(run.err().contains("cannot open the plugin's database") && run.err().contains("already in use"), run.err());
            assertEquals(List.of(), Files.exists(tmp.resolve("out")) ? List.of(tmp.resolve("out").toFile().list()) : List.of());
        }
    }

    /** The store settings as the plugin reads them from the Karaf's etc/ file: it opens with its generated password. */
    static Map<String, Object> plugin(Path karaf) throws IOException {
        Properties p = new Properties();
        Path cfg = karaf.resolve("etc/" + StoreSettings.PID + ".cfg");
        if (Files.exists(cfg)) {
            try (Reader in = Files.newBufferedReader(cfg)) {
                p.load(in);
            }
        }
        Map<String, Object> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        return values;
    }

    static void receive(Database db, String id) {
        SocialIdentity author = new SocialIdentity(Network.X, "3001", "dave", "Dave", null, 5, false);
        InboundMessage m = new InboundMessage(Network.X, id, author, "@acme still waiting", Instant.parse("2026-12-02T10:00:00Z"),
                null, null, Visibility.PUBLIC, null);
        db.writing(em -> em.persist(LedgerEntry.received(m, Instant.now())));
    }
}
