package com.nexustrade.auth.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Creates the directory (and, for SQLite, the file) of an embedded database owner-only before any driver opens
 * it: the drivers would create them with the process umask, readable by every local user. SQLite gives its
 * -wal and -shm files the permissions of the database file. Server databases (PostgreSQL) are left alone.
 */
public final class EmbeddedStoreFiles {

    private EmbeddedStoreFiles() {
    }

    public static void prepare(String jdbcUrl) throws IOException {
        Optional<Path> file = databaseFile(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        Path parent = file.get().toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (parent != null && !Files.isDirectory(parent)) {
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:") && !Files.exists(file.get()) && posix) {
            Files.createFile(file.get(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    /** The database file of a {@code jdbc:sqlite:} or {@code jdbc:h2:file:} URL; empty for in-memory and servers. */
    static Optional<Path> databaseFile(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            String path = jdbcUrl.substring("jdbc:sqlite:".length());
            int query = path.indexOf('?');
            path = query < 0 ? path : path.substring(0, query);
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            return path.isEmpty() || path.startsWith(":memory:") ? Optional.empty() : Optional.of(Path.of(path));
        }
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            String path = jdbcUrl.substring("jdbc:h2:file:".length());
            int settings = path.indexOf(';');
            return Optional.of(Path.of(settings < 0 ? path : path.substring(0, settings)));
        }
        return Optional.empty();
    }
}
