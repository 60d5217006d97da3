package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.EmbeddedPostgresServer;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

class ConcurrentDPoPRefreshPostgresTest extends ConcurrentDPoPRefreshScenarios {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension(
            "concurrent-dpop-pg", CLOCK, EmbeddedPostgresServer.databaseOverrides("concurrent_dpop"));

    @Override
    protected DropwizardAppExtension<AuthConfiguration> app() {
        return APP;
    }

    @Override
    protected MutableClock clock() {
        return CLOCK;
    }
}
