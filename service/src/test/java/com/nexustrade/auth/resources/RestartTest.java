package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default across a restart: the H2 file database is migrated again without error, the generated
 * keys are reused, and every token handed out before the restart still works after it.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock();

    @Test
    void tokensIssuedBeforeARestartWorkAfterIt() throws Exception {
        DropwizardTestSupport<AuthConfiguration> first = service();
        first.before();
        String accessToken;
        String rotatedAway;
        String successor;
        try {
            ApiClient api = new ApiClient(first.getLocalPort());
            Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
            rotatedAway = login.text("refresh_token");
            Reply refreshed = api.refresh(rotatedAway);
            successor = refreshed.text("refresh_token");
            accessToken = refreshed.text("access_token");
        } finally {
            first.after();
        }

        DropwizardTestSupport<AuthConfiguration> second = service();
        second.before();
        try {
            ApiClient api = new ApiClient(second.getLocalPort());
            assertThat(api.me(accessToken).status()).as("access token verifies with the same key").isEqualTo(200);
            Reply replay = api.refresh(rotatedAway);
            assertThat(replay.status()).as("grace replay survives the restart").isEqualTo(200);
            assertThat(replay.text("refresh_token")).isEqualTo(successor);
            assertThat(api.refresh(successor).status()).isEqualTo(200);
        } finally {
            second.after();
        }
    }

    private DropwizardTestSupport<AuthConfiguration> service() {
        return new DropwizardTestSupport<>(AuthApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", "jdbc:h2:file:" + dataDir.resolve("auth") + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000"),
                ConfigOverride.config("keys.directory", dataDir.resolve("keys").toString())) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
    }
}
