package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded stores across a restart (SQLite, the default, and H2): the file database is migrated again without
 * error, the generated keys are reused, and every token handed out before the restart still works after it.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "h2"})
    void tokensIssuedBeforeARestartWorkAfterIt(String store) throws Exception {
        DropwizardTestSupport<AuthConfiguration> first = service(store);
        first.before();
        String accessToken;
        String rotatedAway;
        String successor;
        try {
            ApiClient api = new ApiClient(first.getLocalPort());
            Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
            rotatedAway = login.text("refresh_token");
            Reply refreshed = api.refresh(rotatedAway);
            successor = refreshed.text("refresh_token");
            accessToken = refreshed.text("access_token");
        } finally {
            first.after();
        }

        DropwizardTestSupport<AuthConfiguration> second = service(store);
        second.before();
        try {
            ApiClient api = new ApiClient(second.getLocalPort());
            assertThat(api.me(accessToken).status()).as("access token verifies with the same key").isEqualTo(200);
            Reply replay = api.refresh(rotatedAway);
            assertThat(replay.status()).as("grace replay survives the restart").isEqualTo(200);
            assertThat(replay.text("refresh_token")).isEqualTo(successor);
            assertThat(api.refresh(successor).status()).isEqualTo(200);
        } finally {
            second.after();
        }
    }

    @Test
    void theEmbeddedStoreIsCreatedReadableByItsOwnerOnly() throws Exception {
        DropwizardTestSupport<AuthConfiguration> service = service("sqlite");
        service.before();
        try {
            assertThat(new ApiClient(service.getLocalPort()).login(TestService.USERNAME, TestService.PASSWORD).status())
                    .isEqualTo(200);
            Path data = dataDir.resolve("data");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files).as("the database, its WAL and shared-memory files")
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                                .as(file.getFileName().toString()).isEqualTo("rw-------"));
            }
        } finally {
            service.after();
        }
    }

    private DropwizardTestSupport<AuthConfiguration> service(String store) {
        ConfigOverride driver = ConfigOverride.config("database.driverClass",
                store.equals("sqlite") ? "org.sqlite.JDBC" : "org.h2.Driver");
        ConfigOverride url = ConfigOverride.config("database.url", store.equals("sqlite")
                ? "jdbc:sqlite:" + dataDir.resolve("data/nexus-auth.db") + TestService.SQLITE_SETTINGS
                : "jdbc:h2:file:" + dataDir.resolve("data/auth") + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000");
        return new DropwizardTestSupport<>(AuthApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                driver, url, ConfigOverride.config("keys.directory", dataDir.resolve("keys").toString())) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
    }
}
