package com.nexustrade.auth.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded H2 database holds password hashes, token hashes and sealed successors: its directory is created
 * {@code rwx------} before H2 opens it, and its files are made {@code rw-------} once H2 has created them (H2
 * creates files with the process umask, which usually lets everyone read). Other databases are left alone.
 */
public final class OwnerOnlyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Pattern H2_FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)(;.*)?$");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Before H2 opens the database: its directory exists and is its owner's only. */
    public static void prepareDirectory(String jdbcUrl) {
        h2File(jdbcUrl).ifPresent(file -> {
            Path directory = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(directory);
                restrict(directory, "rwx------");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database directory " + directory, e);
            }
        });
    }

    /** After H2 created its files: each of them is its owner's only. */
    public static void restrictFiles(String jdbcUrl) {
        h2File(jdbcUrl).ifPresent(file -> {
            Path directory = file.toAbsolutePath().getParent();
            String prefix = file.getFileName().toString() + ".";
            try (Stream<Path> files = Files.list(directory)) {
                for (Path each : files.filter(Files::isRegularFile)
                        .filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                    restrict(each, "rw-------");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict the database files in " + directory, e);
            }
        });
    }

    /** The file an H2 URL names, without H2's extension; empty for in-memory, TCP and non-H2 URLs. */
    static Optional<Path> h2File(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.startsWith("jdbc:h2:mem:") || jdbcUrl.startsWith("jdbc:h2:tcp:")
                || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        Matcher matcher = H2_FILE_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1);
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (!POSIX) {
            LOG.warn("{}: this file system has no POSIX permissions; restrict access to it by other means", path);
            return;
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
