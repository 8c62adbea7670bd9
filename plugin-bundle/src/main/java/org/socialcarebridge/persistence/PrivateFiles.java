package org.socialcarebridge.persistence;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold customers' messages or secrets: readable by their owner only (0600 and
 * 0700), whatever the process's umask. On a file system without owner/group/other modes nothing is asked.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** For {@code Files.createFile}: a file only its owner may read and write. */
    public static FileAttribute<?>[] file() {
        return attributes(FILE);
    }

    /** For {@code Files.createDirectories}: a folder only its owner may enter. */
    public static FileAttribute<?>[] folder() {
        return attributes(FOLDER);
    }

    /** Only ever takes permissions away, and only where the file system has owner/group/other modes. */
    static void narrow(Path path, Set<PosixFilePermission> allowed) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!allowed.containsAll(current)) {
            current.retainAll(allowed);
            Files.setPosixFilePermissions(path, current);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
