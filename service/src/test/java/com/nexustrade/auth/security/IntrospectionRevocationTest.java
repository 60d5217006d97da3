package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 5: once a session is revoked, introspection calls its access tokens inactive (RFC 7662). */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntrospectionRevocationTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("introspect-revoked", CLOCK);

    @Test
    void anAccessTokenIsActiveUntilItsSessionIsLoggedOut() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String access = login.text("access_token");
        assertThat(introspect(api, access).json().get("active").asBoolean()).isTrue();

        assertThat(api.logout(login.text("refresh_token")).status()).isEqualTo(204);

        Reply answer = introspect(api, access);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("active").asBoolean()).isFalse();
        assertThat(answer.json().size()).as("nothing but active").isEqualTo(1);
    }

    @Test
    void anAccessTokenOfASessionRevokedForReuseIsInactive() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        Reply refreshed = api.refresh(login.text("refresh_token"));
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(api.refresh(login.text("refresh_token")).text("reason")).isEqualTo("reuse_detected");

        assertThat(introspect(api, login.text("access_token")).json().get("active").asBoolean()).isFalse();
        assertThat(introspect(api, refreshed.text("access_token")).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aServiceTokenHasNoSessionAndStaysActive() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        String serviceToken = api.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials"
                + "&client_id=orders&client_secret=" + TestService.SERVICE_SECRET).text("access_token");

        assertThat(introspect(api, serviceToken).json().get("active").asBoolean()).isTrue();
    }

    private static Reply introspect(ApiClient api, String token) {
        String basic = Base64.getEncoder().encodeToString(("orders:" + TestService.SERVICE_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/oauth2/introspect"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
    }
}
