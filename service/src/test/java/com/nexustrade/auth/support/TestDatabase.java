package com.nexustrade.auth.support;

import com.codahale.metrics.MetricRegistry;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.db.SchemaMigrator;
import com.nexustrade.auth.db.SqlTemplating;
import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.time.Clock;
import java.util.List;

/** A migrated database (SQLite, H2 or PostgreSQL) with one user, for tests of the domain rules without HTTP. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Jdbi migratedH2(String name) throws Exception {
        return migrated(name, "org.h2.Driver", TestService.h2Url(name), "sa");
    }

    public static Jdbi migratedSqlite(String name) throws Exception {
        return migratedSqlite(name, TestService.sqliteUrl(name));
    }

    /** @param url a {@link TestService#sqliteUrl} the test keeps, to look at the files */
    public static Jdbi migratedSqlite(String name, String url) throws Exception {
        return migrated(name, "org.sqlite.JDBC", url, "");
    }

    public static Jdbi migratedPostgres(String name) throws Exception {
        return migrated(name, "org.postgresql.Driver", EmbeddedPostgresServer.newDatabase(name), "postgres");
    }

    private static Jdbi migrated(String name, String driver, String url, String user) throws Exception {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass(driver);
        database.setUrl(url);
        database.setUser(user);
        database.setPassword("");
        SchemaMigrator.migrate(database);
        return SqlTemplating.off(Jdbi.create(database.build(new MetricRegistry(), name)).installPlugin(new SqlObjectPlugin()));
    }

    /** Creates the user and returns its id. */
    public static String createUser(Jdbi jdbi, String username) {
        new Provisioning(jdbi, new PasswordHasher(), Clock.systemUTC())
                .upsertUser(username, username + "@example.com", "password-of-" + username, List.of("trader"), "acme");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM users WHERE username = :u")
                .bind("u", username).mapTo(String.class).one());
    }
}
