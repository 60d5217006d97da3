package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

class ConcurrentDPoPRefreshH2Test extends ConcurrentDPoPRefreshScenarios {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("concurrent-dpop-h2", CLOCK);

    @Override
    protected DropwizardAppExtension<AuthConfiguration> app() {
        return APP;
    }

    @Override
    protected MutableClock clock() {
        return CLOCK;
    }
}
