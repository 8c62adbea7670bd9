package org.socialcarebridge.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The folder of an embedded H2 database ({@code data/socialcare} by default) and the password it is
 * opened with when the store settings name none: generated on first start into {@code store.password}
 * beside the database, readable by its owner only. H2's mixed-mode server admits anyone on this machine
 * who knows the password, so the database must never go without one.
 *
 * <p>The plugin {@linkplain #securedPassword() secures} the folder; tools run beside it (the export)
 * only {@linkplain #keptPassword() read} what the plugin kept, so that a tool run by another user never
 * leaves a password file the plugin cannot read.
 */
public final class StoreFolder {
    /** The generated password's file, beside the database. */
    public static final String PASSWORD_FILE = "store.password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path database;
    private final boolean ownFolder;

    /**
     * @param database  the database's file without H2's {@code .mv.db}, e.g. {@code data/socialcare/socialcare}
     * @param ownFolder the folder holds nothing but the plugin's database (the default under Karaf's data), so
     *                  it is narrowed to its owner even when it exists; a folder the administrator chose is
     *                  narrowed only when the plugin creates it
     */
    StoreFolder(Path database, boolean ownFolder) {
        this.database = database.toAbsolutePath().normalize();
        this.ownFolder = ownFolder;
    }

    public Path passwordFile() {
        return database.resolveSibling(PASSWORD_FILE);
    }

    /**
     * The plugin's view, at every start: the folder readable by its owner only (0700) and the database's own
     * files and the password file too (0600), which upgrades an earlier install whose files were 0644; then the
     * kept password, generated now when there is none.
     */
    public String securedPassword() {
        Path folder = database.getParent();
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PrivateFiles.folder());
                PrivateFiles.narrow(folder, PrivateFiles.FOLDER);
            } else if (ownFolder) {
                PrivateFiles.narrow(folder, PrivateFiles.FOLDER);
            }
            narrowDatabaseFiles(folder);
            String kept = keptPassword();
            return kept.isEmpty() ? generatePassword() : kept;
        } catch (IOException e) {
            throw new UncheckedIOException("Social Care Bridge cannot keep the database's password in " + passwordFile()
                    + " (" + e + "); the folder must be writable by the user Karaf runs as", e);
        }
    }

    /**
     * The tools' view: the password the plugin kept, or empty when it has kept none yet (a database an earlier
     * version made, with user SA and an empty password, until the plugin next starts and sets one).
     */
    public String keptPassword() {
        Path file = passwordFile();
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty; write the database's password in it, or set password"
                        + " in etc/" + StoreSettings.PID + ".cfg (the plugin generates this file only when it is missing)");
            }
            return password;
        } catch (NoSuchFileException e) {
            return "";
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("cannot read the database's password in " + file + ": permission denied."
                    + " Run this as the user Karaf runs as (the owner of " + file.getParent() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database's password in " + file + " (" + e + ")", e);
        }
    }

    /**
     * Written to a private temporary file and moved into place, so no other process ever reads half a password;
     * when two starts race, the first file to land is the password and the other is discarded.
     */
    private String generatePassword() throws IOException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // Not hex: EclipseLink takes a long hex string for a password it encrypted itself and decrypts it.
        String password = "sc-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path file = passwordFile();
        Path part = Files.createTempFile(file.getParent(), "." + PASSWORD_FILE, ".part", PrivateFiles.file());
        try {
            PrivateFiles.narrow(part, PrivateFiles.FILE);
            Files.writeString(part, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                return password;
            } catch (FileAlreadyExistsException raced) {
                return keptPassword();
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * After opening: H2 made its files (a new database, the lock file) with the process's umask, which outside
     * Karaf's bin/setenv may leave them 0644. Best effort: the 0700 folder is what keeps others out, and files
     * of another owner (a tool run as root) stay as they are.
     */
    void narrowDatabaseFiles() {
        try {
            narrowDatabaseFiles(database.getParent());
        } catch (IOException ignored) {
            // not this user's files to change
        }
    }

    /** H2's files of this database ({@code socialcare.mv.db}, {@code .lock.db}, {@code .trace.db}) and the password file. */
    private void narrowDatabaseFiles(Path folder) throws IOException {
        String prefix = database.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> f.getFileName().toString().startsWith(prefix) || f.getFileName().toString().equals(PASSWORD_FILE))) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    PrivateFiles.narrow(f, PrivateFiles.FILE);
                }
            }
        }
    }
}
