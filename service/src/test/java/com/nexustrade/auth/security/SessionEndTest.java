package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 6: a session ends at the latest {@code tokens.sessionMaxLifetime} after its login however
 * often it is refreshed; a password change ends every session of the user; {@code revoke-sessions} ends them
 * on an operator's request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionEndTest {

    private static final String NAME = "session-end";
    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension(NAME, CLOCK);

    @Test
    void aSessionRefreshedEveryTwentyDaysEndsThirtyDaysAfterItsLogin() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        String token = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");

        CLOCK.advance(Duration.ofDays(20));
        Reply refreshed = api.refresh(token);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refresh_expires_in").asLong())
                .as("the successor lives to the session's end, not 30 more days").isEqualTo(Duration.ofDays(10).toSeconds());

        CLOCK.advance(Duration.ofDays(10));
        Reply ended = api.refresh(refreshed.text("refresh_token"));
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.text("error")).isEqualTo("invalid_grant");
        assertThat(ended.text("reason")).isEqualTo("expired");
    }

    @Test
    void aPasswordChangeEndsEverySessionOfTheUser() throws Exception {
        ApiClient api = new ApiClient(APP.getLocalPort());
        String phone = api.login("viewer", "viewer-test-password").text("refresh_token");
        String tablet = api.login("viewer", "viewer-test-password").text("refresh_token");
        String other = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");

        new Provisioning(TestDatabase.migratedH2(NAME), new PasswordHasher(), Clock.systemUTC())
                .upsertUser("viewer", "viewer@example.com", "a-new-viewer-password", List.of("trader"), "globex");

        for (String session : List.of(phone, tablet)) {
            Reply refused = api.refresh(session);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("reason")).isEqualTo("revoked");
        }
        assertThat(api.refresh(other).status()).as("another user's session").isEqualTo(200);
        assertThat(api.login("viewer", "a-new-viewer-password").status()).isEqualTo(200);
    }

    @Test
    void revokeSessionsEndsEverySessionOfTheNamedUser() throws Exception {
        ApiClient api = new ApiClient(APP.getLocalPort());
        String first = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        String second = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Optional<Throwable> failure;
        System.setProperty("dw.database.url", TestService.h2Url(NAME));
        try {
            Bootstrap<AuthConfiguration> bootstrap = new Bootstrap<>(new AuthApplication());
            new AuthApplication().initialize(bootstrap);
            failure = new Cli(new JarLocation(getClass()), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run("revoke-sessions", "--user", TestService.USERNAME, ResourceHelpers.resourceFilePath("test-config.yml"));
        } finally {
            System.clearProperty("dw.database.url");
        }

        assertThat(failure).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        for (String session : List.of(first, second)) {
            Reply refused = api.refresh(session);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("reason")).isEqualTo("revoked");
        }
        assertThat(api.login(TestService.USERNAME, TestService.PASSWORD).status()).as("the user may log in again")
                .isEqualTo(200);
    }
}
