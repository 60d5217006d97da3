package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** The scenarios on the shipped embedded store: a SQLite file in WAL mode, rotations group-committed. */
class ConcurrentRefreshSqliteTest extends ConcurrentRefreshScenarios {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension(
            "concurrent-refresh-sqlite", CLOCK,
            ConfigOverride.config("database.driverClass", "org.sqlite.JDBC"),
            ConfigOverride.config("database.url", TestService.sqliteUrl("concurrent-refresh")));

    @Override
    protected DropwizardAppExtension<AuthConfiguration> app() {
        return APP;
    }

    @Override
    protected MutableClock clock() {
        return CLOCK;
    }
}
