package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestDatabase;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, finding 2: bootstrap entries only create what is missing, so a changed password, role set or
 * service secret survives a restart; and the demo's published password never listens beyond loopback.
 */
class BootstrapTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aRestartKeepsAChangedPasswordRolesAndServiceSecret() throws Exception {
        String name = "bootstrap-keeps";
        start(name).after();
        Jdbi jdbi = TestDatabase.migratedH2(name);
        Provisioning provisioning = new Provisioning(jdbi, new PasswordHasher(), Clock.systemUTC());
        provisioning.upsertUser(TestService.USERNAME, "trader1@example.com", "the-owner-changed-it", List.of("trader"),
                "acme");
        provisioning.upsertService(TestService.SERVICE_ID, "a-rotated-orders-secret", List.of("orders:read"));

        DropwizardTestSupport<AuthConfiguration> restarted = start(name);
        try {
            ApiClient api = new ApiClient(restarted.getLocalPort());
            assertThat(api.login(TestService.USERNAME, TestService.PASSWORD).status()).as("bootstrap password").isEqualTo(401);
            ApiClient.Reply login = api.login(TestService.USERNAME, "the-owner-changed-it");
            assertThat(login.status()).isEqualTo(200);
            assertThat(api.me(login.text("access_token")).json().get("roles")).hasSize(1);
            assertThat(RawHttp.post(restarted.getLocalPort(), "/auth/service_auth", List.of(
                    "X-Internal-Service: orders", "X-Internal-Service-Secret: " + TestService.SERVICE_SECRET)).status())
                    .isEqualTo(401);
            assertThat(RawHttp.post(restarted.getLocalPort(), "/auth/service_auth", List.of(
                    "X-Internal-Service: orders", "X-Internal-Service-Secret: a-rotated-orders-secret")).status())
                    .isEqualTo(200);
        } finally {
            restarted.after();
        }
    }

    @Test
    void theDemoPasswordOnANonLoopbackBindRefusesToStartWithOneSentence() {
        DropwizardTestSupport<AuthConfiguration> exposed = support("bootstrap-exposed",
                ConfigOverride.config("server.applicationConnectors[0].bindHost", "0.0.0.0"),
                ConfigOverride.config("bootstrap.users[0].password", "trader1-demo-password"));

        try {
            assertThatThrownBy(exposed::before)
                    .hasMessageContaining("demo")
                    .hasMessageContaining("trader1")
                    .hasMessageContaining("0.0.0.0");
        } finally {
            exposed.after(); // restores the dw.* properties, started or not
        }
    }

    @Test
    void theDemoSecretOnANonLoopbackAdminBindRefusesToStart() {
        DropwizardTestSupport<AuthConfiguration> exposed = support("bootstrap-exposed-admin",
                ConfigOverride.config("server.adminConnectors[0].bindHost", "0.0.0.0"),
                ConfigOverride.config("bootstrap.services[0].secret", "orders-demo-secret"));

        try {
            assertThatThrownBy(exposed::before).hasMessageContaining("orders");
        } finally {
            exposed.after();
        }
    }

    @Test
    void theDemoPasswordOnLoopbackStarts() throws Exception {
        DropwizardTestSupport<AuthConfiguration> local = support("bootstrap-local",
                ConfigOverride.config("bootstrap.users[0].password", "trader1-demo-password"));
        local.before();
        try {
            assertThat(new ApiClient(local.getLocalPort()).login("trader1", "trader1-demo-password").status())
                    .isEqualTo(200);
        } finally {
            local.after();
        }
    }

    private DropwizardTestSupport<AuthConfiguration> start(String name) throws Exception {
        DropwizardTestSupport<AuthConfiguration> support = support(name);
        support.before();
        return support;
    }

    private DropwizardTestSupport<AuthConfiguration> support(String name, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", TestService.h2Url(name)),
                ConfigOverride.config("keys.directory", "target/test-keys/" + name)));
        overrides.addAll(List.of(extra));
        return new DropwizardTestSupport<>(AuthApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
    }
}
