package org.socialcarebridge.export.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.socialcarebridge.export.CsvMessageWriter;
import org.socialcarebridge.export.JsonLinesMessageWriter;
import org.socialcarebridge.export.MessageExport;
import org.socialcarebridge.export.MessageWriter;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.DatabaseSettings;
import org.socialcarebridge.persistence.PrivateFiles;
import org.socialcarebridge.persistence.StoreFolder;
import org.socialcarebridge.persistence.StoreSettings;
import org.socialcarebridge.settings.InvalidSettingsException;

/**
 * {@code ./socialcare export}: every message of a time window, from the plugin's own database, as CSV
 * and JSON Lines files. The database is the one Karaf's plugin uses (its
 * {@code etc/org.socialcarebridge.store.cfg}, else the embedded H2 file under its {@code data/}, opened with
 * the password the plugin keeps there); the embedded file can be read while the plugin runs (see
 * {@link DatabaseSettings}). Its files are readable by whoever runs it only (0600).
 *
 * <p>It reads the database itself rather than asking the running plugin, so that it works while Karaf is
 * stopped and against PostgreSQL, and no HTTP endpoint serves every customer's messages; it reaches only
 * what its user can already read on disk (the 0700 data folder, the 0600 password file).
 *
 * <p>Exit codes: 0 done, 1 the export could not be made (no database, unreachable, unwritable
 * output), 2 wrong usage.
 */
public final class ExportCommandLine {
    static final String USAGE = """
            usage: socialcare export --from WHEN --to WHEN [--out DIR] [--format csv|jsonl|both] [--karaf DIR]
              WHEN    a UTC day, 2026-11-01 (its midnight), or an ISO-8601 instant, 2026-11-01T09:30:00Z
                      Messages written from --from (included) up to --to (not included):
                      --from 2026-11-01 --to 2026-12-01 is all of November.
              --out   where the files go (default: the current folder; created if missing)
              --format  csv, jsonl or both (default both)
              --karaf   the Karaf whose plugin database is read (default $SOCIALCARE_KARAF)""";

    private final PrintStream out;
    private final PrintStream err;
    private final String karafFromEnvironment;

    ExportCommandLine(PrintStream out, PrintStream err, String karafFromEnvironment) {
        this.out = out;
        this.err = err;
        this.karafFromEnvironment = karafFromEnvironment;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // EclipseLink logs to System.out; standard output is for the result, so that goes to standard error.
        System.setOut(System.err);
        System.exit(new ExportCommandLine(out, new PrintStream(System.err, true, StandardCharsets.UTF_8),
                System.getenv("SOCIALCARE_KARAF")).run(args));
    }

    int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args, karafFromEnvironment);
        } catch (UsageException e) {
            err.println("socialcare: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return export(o);
        } catch (ExportFailedException e) {
            err.println("socialcare: " + e.getMessage());
            return 1;
        }
    }

    private int export(Options o) {
        long started = System.nanoTime();
        DatabaseSettings settings = settings(o.karaf);
        List<Path> files = new ArrayList<>();
        long rows;
        try (Database db = open(settings)) {
            rows = write(db, o, files);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "Exported %d message%s written from %s up to %s (not included) in %.2f s:%n", rows,
                rows == 1 ? "" : "s", o.from, o.to, seconds);
        files.forEach(f -> out.println("  " + f));
        return 0;
    }

    /** Writes each format to a part file, renamed into place only once complete, so a failed export leaves nothing half-written. */
    private static long write(Database db, Options o, List<Path> files) {
        Path dir = o.out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir, PrivateFiles.folder());
        } catch (IOException e) {
            throw new ExportFailedException("cannot create the output folder " + dir + " (" + e + "); choose another with --out");
        }
        String base = "socialcare-messages-" + Options.fileStamp(o.fromArgument, o.from) + "-" + Options.fileStamp(o.toArgument, o.to);
        List<Path> finals = new ArrayList<>();
        List<Path> parts = new ArrayList<>();
        List<MessageWriter> writers = new ArrayList<>();
        // Interrupted (Ctrl-C), the JVM still runs its shutdown hooks: no part file is left behind.
        Thread removeParts = new Thread(() -> parts.forEach(ExportCommandLine::remove));
        Runtime.getRuntime().addShutdownHook(removeParts);
        try {
            for (String extension : o.formats) {
                Path target = dir.resolve(base + "." + extension);
                Path part = dir.resolve(base + "." + extension + ".part");
                // Customers' messages: readable by whoever runs the export only (a umask can only narrow the mode asked for).
                Files.deleteIfExists(part);
                Files.createFile(part, PrivateFiles.file());
                OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                parts.add(part);
                finals.add(target);
                writers.add(extension.equals("csv") ? new CsvMessageWriter(stream) : new JsonLinesMessageWriter(stream));
            }
            long rows = new MessageExport(db).export(o.from, o.to, writers);
            for (MessageWriter w : writers) {
                w.close();
            }
            writers.clear();
            for (int i = 0; i < parts.size(); i++) {
                Files.move(parts.get(i), finals.get(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            files.addAll(finals);
            return rows;
        } catch (IOException e) {
            throw new ExportFailedException("cannot write the export in " + dir + " (" + e + "); check the folder's"
                    + " space and permissions, or choose another with --out");
        } catch (RuntimeException e) {
            throw new ExportFailedException("reading the plugin's database failed part way (" + rootCause(e)
                    + "); no file was written, run the export again");
        } finally {
            for (MessageWriter w : writers) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // already failing; the part file is removed below
                }
            }
            parts.forEach(ExportCommandLine::remove);
            Runtime.getRuntime().removeShutdownHook(removeParts);
        }
    }

    private static void remove(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a part file left behind says what it is by its name
        }
    }

    private static DatabaseSettings settings(Path karaf) {
        if (!Files.isDirectory(karaf.resolve("etc")) && !Files.isDirectory(karaf.resolve("data"))) {
            throw new ExportFailedException("no Karaf installation at " + karaf + " (it has neither etc/ nor data/);"
                    + " install the plugin with ./socialcare demo, or give the right folder with --karaf DIR");
        }
        try {
            DatabaseSettings settings = StoreSettings.ofKaraf(karaf);
            Path file = embeddedFile(settings.url());
            if (file != null && !Files.exists(file)) {
                throw new ExportFailedException("no plugin database at " + file + ": the plugin in " + karaf
                        + " has not stored anything yet. Start it (./socialcare demo), or point --karaf at the installation"
                        + " that has it, or set url in " + karaf.resolve("etc").resolve(StoreSettings.PID + ".cfg"));
            }
            return settings;
        } catch (InvalidSettingsException e) {
            throw new ExportFailedException("the plugin's store settings are wrong, so its database is unknown:\n" + e.getMessage());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // the embedded database's password file: unreadable by this user, or emptied
            throw new ExportFailedException(e.getMessage());
        } catch (IOException e) {
            throw new ExportFailedException("cannot read " + karaf.resolve("etc").resolve(StoreSettings.PID + ".cfg") + ": " + e);
        }
    }

    private static Database open(DatabaseSettings settings) {
        try {
            return Database.open(settings);
        } catch (RuntimeException e) {
            throw new ExportFailedException("cannot open the plugin's database " + shown(settings.url()) + ": "
                    + rootCause(e) + "\nCheck that the database is running and reachable from here, and the url, user and"
                    + " password in etc/" + StoreSettings.PID + ".cfg (without a password there, the embedded database's is in "
                    + StoreFolder.PASSWORD_FILE + " beside it)");
        }
    }

    /**
     * The file H2 keeps an embedded database in ({@code <path>.mv.db}), or null for any other database.
     * Checked first because H2 would otherwise create an empty database there.
     */
    static Path embeddedFile(String url) {
        Path file = DatabaseSettings.embeddedFile(url);
        return file == null ? null : file.resolveSibling(file.getFileName() + ".mv.db");
    }

    /** The URL without a password a PostgreSQL URL may carry. */
    static String shown(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    /** What the driver said (its SQLException names host and port), else the innermost cause. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (!(t instanceof java.sql.SQLException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /** Wrong usage: the message says what was wrong and what is expected. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The export could not be made; the message says why and what to do. */
    static final class ExportFailedException extends RuntimeException {
        ExportFailedException(String message) {
            super(message);
        }
    }

    /** The command line, read once. */
    static final class Options {
        Instant from;
        Instant to;
        String fromArgument;
        String toArgument;
        Path out = Path.of(".");
        List<String> formats = List.of("csv", "jsonl");
        Path karaf;

        static Options parse(String[] args, String karafFromEnvironment) {
            Options o = new Options();
            o.karaf = karafFromEnvironment == null || karafFromEnvironment.isBlank() ? null : Path.of(karafFromEnvironment);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--from" -> {
                        o.fromArgument = value(args, ++i, a);
                        o.from = when(a, o.fromArgument);
                    }
                    case "--to" -> {
                        o.toArgument = value(args, ++i, a);
                        o.to = when(a, o.toArgument);
                    }
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "--karaf" -> o.karaf = Path.of(value(args, ++i, a));
                    case "--format" -> o.formats = switch (value(args, ++i, a).toLowerCase(Locale.ROOT)) {
                        case "csv" -> List.of("csv");
                        case "jsonl" -> List.of("jsonl");
                        case "both" -> List.of("csv", "jsonl");
                        default -> throw new UsageException("--format takes csv, jsonl or both, got '" + args[i] + "'");
                    };
                    default -> throw new UsageException(a.startsWith("--") ? "unknown option " + a
                            : "unexpected argument '" + a + "' (every value follows its option, e.g. --from 2026-11-01)");
                }
            }
            if (o.from == null || o.to == null) {
                throw new UsageException("say which messages: both --from and --to are needed, e.g. --from 2026-11-01 --to 2026-12-01");
            }
            if (!o.from.isBefore(o.to)) {
                throw new UsageException("--from " + o.fromArgument + " is not before --to " + o.toArgument + " (" + o.from
                        + (o.from.equals(o.to) ? " both" : " is after " + o.to) + "); --to is the first moment not exported,"
                        + " so one day is --from 2026-11-05 --to 2026-11-06");
            }
            if (o.karaf == null) {
                throw new UsageException("say where the plugin's Karaf is: --karaf DIR or $SOCIALCARE_KARAF"
                        + " (./socialcare export sets it to the demo's)");
            }
            return o;
        }

        /** A UTC day (its first instant) or an ISO-8601 instant with Z or an offset. */
        static Instant when(String option, String value) {
            try {
                if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException e) {
                String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new UsageException(option + " " + value + " is not a valid date or time (" + why + "); expected a UTC day"
                        + " as YYYY-MM-DD, e.g. 2026-11-01, or an ISO-8601 instant, e.g. 2026-11-01T09:30:00Z");
            }
        }

        /** The argument in the file name: a day as given, an instant without the colons file systems may refuse. */
        static String fileStamp(String argument, Instant when) {
            if (argument.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return argument;
            }
            return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(when)
                    + (when.getNano() == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", when.getNano()).replaceAll("0+$", ""))
                    + "Z";
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }
    }
}
