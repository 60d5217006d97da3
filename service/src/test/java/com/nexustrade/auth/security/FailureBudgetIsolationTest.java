package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 3: an attacker's failures must not deny the legitimate principal calling from elsewhere.
 * Each request leaves from a real loopback address of its own (127/8), so the service sees distinct clients.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FailureBudgetIsolationTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("budget-isolation", CLOCK);
    private static final InetAddress ATTACKER = RawHttp.loopback(2);
    private static final InetAddress SERVICE_HOST = RawHttp.loopback(3);

    @BeforeEach
    void fullBuckets() {
        CLOCK.advance(Duration.ofMinutes(10));
    }

    @Test
    void tenWrongSecretsFromOneAddressLeaveServiceAuthWorkingFromAnother() throws Exception {
        List<Integer> attacker = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attacker.add(serviceAuth(ATTACKER, "guess-" + i).status());
        }

        assertThat(attacker.subList(0, 10)).containsOnly(401);
        assertThat(attacker.subList(10, 12)).as("the attacker is slowed").containsOnly(429);
        assertThat(serviceAuth(SERVICE_HOST, TestService.SERVICE_SECRET).status()).isEqualTo(200);
    }

    @Test
    void tenWrongSecretsFromOneAddressLeaveClientCredentialsWorkingFromAnother() throws Exception {
        for (int i = 0; i < 12; i++) {
            clientCredentials(ATTACKER, "guess-" + i);
        }

        RawHttp.Response granted = clientCredentials(SERVICE_HOST, TestService.SERVICE_SECRET);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void tenWrongSecretsFromOneAddressLeaveIntrospectionWorkingFromAnother() throws Exception {
        for (int i = 0; i < 12; i++) {
            introspect(ATTACKER, "guess-" + i);
        }

        RawHttp.Response answer = introspect(SERVICE_HOST, TestService.SERVICE_SECRET);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void fortyWrongPasswordsFromEightAddressesLeaveTheOwnerLoggingInFromAFreshAddress() throws Exception {
        List<Integer> attacker = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attacker.add(login(RawHttp.loopback(10 + i % 8), "viewer", "wrong-" + i).status());
        }
        assertThat(attacker).containsOnly(401);

        RawHttp.Response owner = login(RawHttp.loopback(30), "viewer", "viewer-test-password");
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
    }

    private static RawHttp.Response serviceAuth(InetAddress from, String secret) throws Exception {
        return RawHttp.exchangeFrom(from, APP.getLocalPort(), "POST /auth/service_auth HTTP/1.1",
                List.of("X-Internal-Service: orders", "X-Internal-Service-Secret: " + secret), "");
    }

    private static RawHttp.Response clientCredentials(InetAddress from, String secret) throws Exception {
        return RawHttp.exchangeFrom(from, APP.getLocalPort(), "POST /oauth2/token HTTP/1.1",
                List.of(basic("orders", secret), "Content-Type: application/x-www-form-urlencoded"),
                "grant_type=client_credentials");
    }

    private static RawHttp.Response introspect(InetAddress from, String secret) throws Exception {
        return RawHttp.exchangeFrom(from, APP.getLocalPort(), "POST /oauth2/introspect HTTP/1.1",
                List.of(basic("orders", secret), "Content-Type: application/x-www-form-urlencoded"),
                "token=not-a-token");
    }

    static RawHttp.Response login(InetAddress from, String username, String password) throws Exception {
        return RawHttp.exchangeFrom(from, APP.getLocalPort(), "POST /auth/login HTTP/1.1",
                List.of("Content-Type: application/json"),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    static String basic(String id, String secret) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
