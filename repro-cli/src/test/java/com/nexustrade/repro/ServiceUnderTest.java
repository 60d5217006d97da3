package com.nexustrade.repro;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real service for the tests that run repro against it: repro-service-config.yml on a random loopback port, keys
 * in a temporary directory of its own, an in-memory H2 database named for the test class (no state shared between
 * classes), and whatever else the test overrides.
 */
final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    static DropwizardAppExtension<AuthConfiguration> extension(String name, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("keys.directory", temporaryKeyDirectory(name)),
                ConfigOverride.config("database.url", "jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000")));
        all.addAll(List.of(overrides));
        return new DropwizardAppExtension<>(AuthApplication.class,
                ResourceHelpers.resourceFilePath("repro-service-config.yml"), all.toArray(ConfigOverride[]::new));
    }

    static String baseUrl(DropwizardAppExtension<AuthConfiguration> service) {
        return "http://127.0.0.1:" + service.getLocalPort();
    }

    private static String temporaryKeyDirectory(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), name + "-keys").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
