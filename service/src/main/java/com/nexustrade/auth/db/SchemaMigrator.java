package com.nexustrade.auth.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibase;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;

/**
 * Brings the schema up to date at start-up, on a short-lived pool of its own: Dropwizard's CloseableLiquibase
 * stops the pool it is given when it closes, which must not be the service's pool. An embedded database's
 * directory and file are created owner-only first.
 */
public final class SchemaMigrator {

    public static final String MIGRATIONS_FILE = "migrations.xml";

    private SchemaMigrator() {
    }

    public static void migrate(DataSourceFactory database) throws Exception {
        EmbeddedStoreFiles.prepare(database.getUrl());
        ManagedDataSource dataSource = database.build(new MetricRegistry(), "migrations");
        try (CloseableLiquibase liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, MIGRATIONS_FILE)) {
            liquibase.update("");
        }
    }
}
