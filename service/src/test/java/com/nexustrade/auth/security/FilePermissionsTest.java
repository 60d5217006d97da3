package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 8: the embedded database's directory and files are readable by their owner only. */
class FilePermissionsTest {

    @TempDir
    Path root;

    @Test
    void theH2DataDirectoryAndItsFilesAreOwnerOnly() throws Exception {
        Path data = root.resolve("data");
        DropwizardTestSupport<AuthConfiguration> service = new DropwizardTestSupport<>(AuthApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", "jdbc:h2:file:" + data.resolve("nexus-auth")
                        + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000"),
                ConfigOverride.config("keys.directory", data.resolve("keys").toString())) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(new MutableClock());
            }
        };
        service.before();
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> listing = Files.list(data)) {
                files = listing.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(path -> path.getFileName().toString()).contains("nexus-auth.mv.db");
            for (Path file : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        } finally {
            service.after();
        }
    }
}
