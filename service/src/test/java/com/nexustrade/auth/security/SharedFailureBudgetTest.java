package com.nexustrade.auth.security;

import com.nexustrade.auth.support.TestService;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.EmbeddedPostgresServer;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 9: two instances on one PostgreSQL database share every failure budget, so a load balancer
 * in front does not multiply an attacker's guesses.
 */
class SharedFailureBudgetTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final List<DropwizardTestSupport<AuthConfiguration>> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String databaseUrl = EmbeddedPostgresServer.newDatabase("shared_budgets");
        for (int i = 0; i < 2; i++) {
            DropwizardTestSupport<AuthConfiguration> service =
                    TestService.startFleetInstance(databaseUrl, "target/test-keys/shared-budgets", 8, CLOCK);
            INSTANCES.add(service);
        }
    }

    @AfterAll
    static void stopInstances() {
        for (int i = INSTANCES.size() - 1; i >= 0; i--) {
            INSTANCES.get(i).after();
        }
    }

    @BeforeEach
    void fullBuckets() {
        CLOCK.advance(Duration.ofMinutes(10));
    }

    @Test
    void wrongPasswordsSpreadOverTwoInstancesMeetOneBudget() throws Exception {
        InetAddress attacker = RawHttp.loopback(40);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(login(i % 2, attacker, "viewer", "wrong-" + i).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 8)).as("the sixth failure is refused whichever instance sees it").containsOnly(429);
        assertThat(login(1, RawHttp.loopback(41), "viewer", "viewer-test-password").status()).isEqualTo(200);
    }

    @Test
    void wrongServiceSecretsSpreadOverTwoInstancesMeetOneBudget() throws Exception {
        InetAddress attacker = RawHttp.loopback(42);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(RawHttp.exchangeFrom(attacker, INSTANCES.get(i % 2).getLocalPort(),
                    "POST /auth/service_auth HTTP/1.1",
                    List.of("X-Internal-Service: orders", "X-Internal-Service-Secret: guess-" + i), "").status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
    }

    private static RawHttp.Response login(int instance, InetAddress from, String username, String password)
            throws Exception {
        return RawHttp.exchangeFrom(from, INSTANCES.get(instance).getLocalPort(), "POST /auth/login HTTP/1.1",
                List.of("Content-Type: application/json"),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
