package com.nexustrade.auth.support;

import io.dropwizard.testing.ConfigOverride;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * One real PostgreSQL 17 server per test JVM (initdb is slow), started from Maven artifacts; each test class
 * gets a database of its own on it.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;
    private static String unavailable;

    private EmbeddedPostgresServer() {
    }

    /**
     * Empty when PostgreSQL runs here; otherwise why not, in one line. service/pom.xml brings the binaries of
     * linux-amd64, linux-arm64 and macOS (Intel and Apple silicon) through OS-activated profiles.
     */
    public static synchronized Optional<String> unavailableReason() {
        if (server == null && unavailable == null) {
            try {
                server();
            } catch (RuntimeException | LinkageError missing) {
                unavailable = "PostgreSQL tests skipped: no embedded PostgreSQL 17 binaries for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " on the test classpath (" + missing.getMessage() + ")";
                System.err.println(unavailable);
            }
        }
        return Optional.ofNullable(unavailable);
    }

    private static synchronized EmbeddedPostgres server() {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // Several service instances with their pools share it in the multi-instance tests.
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }));
        }
        return server;
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public static synchronized String newDatabase(String name) {
        String database = name.replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return server().getJdbcUrl("postgres", database);
    }

    /**
     * The configuration overrides that point the service at a new database on this server. Where PostgreSQL
     * cannot run they point nowhere: {@link RequiresEmbeddedPostgres} skips the class before the service starts.
     */
    public static ConfigOverride[] databaseOverrides(String name) {
        return overridesFor(unavailableReason().isPresent() ? "jdbc:postgresql://unavailable/" + name : newDatabase(name));
    }

    /** The configuration overrides that point the service at an existing database on this server. */
    public static ConfigOverride[] overridesFor(String jdbcUrl) {
        return new ConfigOverride[]{
                ConfigOverride.config("database.driverClass", "org.postgresql.Driver"),
                ConfigOverride.config("database.url", jdbcUrl),
                ConfigOverride.config("database.user", "postgres"),
                ConfigOverride.config("database.password", "")};
    }
}
