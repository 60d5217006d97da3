package com.nexustrade.auth.support;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real service on a random port, an H2 database of its own and a clock the test controls. */
public final class TestService {

    public static final String USERNAME = "trader1";
    public static final String PASSWORD = "trader1-test-password";
    public static final String SERVICE_ID = "orders";
    public static final String SERVICE_SECRET = "orders-test-secret";

    private TestService() {
    }

    /**
     * @param databaseOverrides where the database is; none means a fresh in-memory H2 database. (Dropwizard keeps
     *                          overrides in a set, so two for one key would apply in no fixed order.)
     */
    public static DropwizardAppExtension<AuthConfiguration> extension(String name, MutableClock clock,
                                                                      ConfigOverride... databaseOverrides) {
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("keys.directory", "target/test-keys/" + name));
        if (databaseOverrides.length == 0) {
            all.add(ConfigOverride.config("database.url", h2Url(name)));
        } else {
            all.addAll(Arrays.asList(databaseOverrides));
        }
        DropwizardTestSupport<AuthConfiguration> support = new DropwizardTestSupport<>(AuthApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), all.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
        return new DropwizardAppExtension<>(support);
    }

    /** On a fresh in-memory H2 database, with settings changed by {@code overrides} (never database.*). */
    public static DropwizardAppExtension<AuthConfiguration> extensionWithSettings(String name, MutableClock clock,
                                                                                  ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(ConfigOverride.config("database.url", h2Url(name))));
        all.addAll(Arrays.asList(overrides));
        return extension(name, clock, all.toArray(ConfigOverride[]::new));
    }

    /** A fresh SQLite file per call under target/, with the settings of the shipped configuration. */
    public static String sqliteUrl(String name) {
        java.nio.file.Path file = java.nio.file.Path.of("target", "test-sqlite", name + "-" + java.util.UUID.randomUUID() + ".db");
        return "jdbc:sqlite:" + file.toAbsolutePath() + SQLITE_SETTINGS;
    }

    /** The pragmas of config.yml's database URL. */
    public static final String SQLITE_SETTINGS =
            "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true&journal_size_limit=67108864";

    /** A unique in-memory database per test class, so no state leaks between classes in one JVM. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;LOCK_TIMEOUT=10000";
    }

    /**
     * One instance of a fleet on a shared database, started: the caller stops it with {@code after()}, the last one
     * started first, since each restores the {@code dw.*} system properties the previous one set. Instances share
     * one key directory, so each verifies the others' tokens and opens their seals.
     */
    public static DropwizardTestSupport<AuthConfiguration> startFleetInstance(String databaseUrl, String keyDirectory,
                                                                              int poolSize, MutableClock clock) throws Exception {
        // Fresh override objects per instance: each remembers the property value it replaced.
        List<ConfigOverride> overrides = new ArrayList<>(List.of(EmbeddedPostgresServer.overridesFor(databaseUrl)));
        overrides.add(ConfigOverride.config("keys.directory", keyDirectory));
        overrides.add(ConfigOverride.config("database.maxSize", String.valueOf(poolSize)));
        DropwizardTestSupport<AuthConfiguration> service = new DropwizardTestSupport<>(AuthApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
        service.before();
        return service;
    }
}
