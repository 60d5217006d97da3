package com.nexustrade.auth.support;

import io.dropwizard.testing.ConfigOverride;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL 17 server per test JVM (initdb is slow), started from Maven artifacts; each test class
 * gets a database of its own on it.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    private static synchronized EmbeddedPostgres server() {
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

    /** The configuration overrides that point the service at a new database on this server. */
    public static ConfigOverride[] databaseOverrides(String name) {
        return overridesFor(newDatabase(name));
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
