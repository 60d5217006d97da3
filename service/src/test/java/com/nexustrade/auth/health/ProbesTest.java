package com.nexustrade.auth.health;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness and readiness are separate: a nearly full data volume takes the instance out, it is not restarted. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProbesTest {

    private static final DropwizardAppExtension<AuthConfiguration> HEALTHY =
            TestService.extension("probes-healthy", new MutableClock());
    // No volume here has 64 PiB free: the data-volume check fails from its first run on.
    private static final DropwizardAppExtension<AuthConfiguration> VOLUME_FULL = TestService.extensionWithSettings(
            "probes-volume-full", new MutableClock(), ConfigOverride.config("dataVolume.minFreeSpace", "64PiB"));

    @Test
    void readyAndAliveWhenDatabaseKeyAndVolumeAreUsable() throws Exception {
        assertThat(awaitStatus(HEALTHY, "/health-check", 200)).isEqualTo(200);
        assertThat(status(HEALTHY, "/health-check?type=alive")).isEqualTo(200);
    }

    @Test
    void notReadyButAliveWhenTheDataVolumeIsNearlyFull() throws Exception {
        assertThat(VOLUME_FULL.getEnvironment().healthChecks().runHealthCheck("data-volume").isHealthy()).as(VOLUME_FULL.getEnvironment().healthChecks().runHealthCheck("data-volume").getMessage()).isFalse();
        assertThat(awaitStatus(VOLUME_FULL, "/health-check", 503)).as(body(VOLUME_FULL, "/health-check?name=all"))
                .isEqualTo(503);
        assertThat(status(VOLUME_FULL, "/health-check?type=alive")).isEqualTo(200);
        assertThat(body(VOLUME_FULL, "/health-check?name=data-volume")).contains("\"name\":\"data-volume\"", "\"healthy\":false");
    }

    private static String body(DropwizardAppExtension<AuthConfiguration> app, String path) {
        ApiClient api = new ApiClient(app.getLocalPort());
        return api.send(HttpRequest.newBuilder(api.uri(path)).GET()).body();
    }

    private static int status(DropwizardAppExtension<AuthConfiguration> app, String path) {
        ApiClient api = new ApiClient(app.getLocalPort());
        return api.send(HttpRequest.newBuilder(api.uri(path)).GET()).status();
    }

    /** The checks run on their schedule after start: poll the real service, up to 30 s. */
    private static int awaitStatus(DropwizardAppExtension<AuthConfiguration> app, String path, int expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = status(app, path);
        while (status != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100); // waiting for a scheduled check of a real service, not a test of time
            status = status(app, path);
        }
        return status;
    }
}
