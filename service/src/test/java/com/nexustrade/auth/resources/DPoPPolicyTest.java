package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.DeviceKey;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oauth2.defaultClient.dpop: required} (the JSON API and unlisted clients) beside a listed client that
 * stays {@code optional}: unbound logins and refreshes of the required client are refused with 400
 * {@code invalid_dpop_proof}, and a Bearer session is bound by its first refresh with a proof.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DPoPPolicyTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extensionWithSettings(
            "dpop-policy", CLOCK,
            ConfigOverride.config("keys.directory", "target/test-keys/dpop-policy"),
            ConfigOverride.config("oauth2.passwordGrantEnabled", "true"),
            ConfigOverride.config("oauth2.defaultClient.dpop", "required"),
            ConfigOverride.config("oauth2.clients[0].clientId", "legacy-app"),
            ConfigOverride.config("oauth2.clients[0].dpop", "optional"));
    private static final String PASSWORD_GRANT = "grant_type=password&username=" + TestService.USERNAME
            + "&password=" + TestService.PASSWORD;

    private ApiClient api;
    private DeviceKey phone;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
        phone = DeviceKey.generate();
    }

    @Test
    void theRequiredClientCannotLogInWithoutAProof() {
        Reply refused = api.login(TestService.USERNAME, TestService.PASSWORD);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("invalid_dpop_proof");
        assertThat(refused.text("reason")).isEqualTo("missing");
        assertThat(refused.json().has("access_token")).isFalse();
        assertThat(api.login(TestService.USERNAME, TestService.PASSWORD, phone.proof("/auth/login", CLOCK.instant()))
                .text("token_type")).isEqualTo("DPoP");
    }

    @Test
    void anUnboundRefreshOfTheRequiredClientIsRefusedAndTheFirstProofBindsTheSession() {
        Reply legacy = api.postForm("/oauth2/token", PASSWORD_GRANT + "&client_id=legacy-app", null);
        assertThat(legacy.status()).as(legacy.body()).isEqualTo(200);
        assertThat(legacy.text("token_type")).isEqualTo("Bearer");

        Reply unbound = api.refresh(legacy.text("refresh_token"));
        assertThat(unbound.status()).isEqualTo(400);
        assertThat(unbound.text("error")).isEqualTo("invalid_dpop_proof");
        assertThat(unbound.json().has("refresh_token")).isFalse();

        Reply bound = api.refresh(legacy.text("refresh_token"), phone.proof("/auth/refresh", CLOCK.instant()));
        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.text("token_type")).isEqualTo("DPoP");

        // From now on the session answers only to the phone's key, whichever client presents it.
        Reply withoutKey = api.postForm("/oauth2/token", "grant_type=refresh_token&client_id=legacy-app&refresh_token="
                + bound.text("refresh_token"), null);
        assertThat(withoutKey.status()).isEqualTo(400); // RFC 6749 §5.2 at the standard endpoint
        assertThat(withoutKey.text("error")).isEqualTo("invalid_grant");
        assertThat(withoutKey.text("reason")).isEqualTo("dpop_key_mismatch");
    }

    @Test
    void anUnlistedClientAtTheTokenEndpointGetsTheDefaultPolicy() {
        Reply refused = api.postForm("/oauth2/token", PASSWORD_GRANT + "&client_id=someone-else", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("invalid_dpop_proof");
        Reply withProof = api.postForm("/oauth2/token", PASSWORD_GRANT + "&client_id=someone-else",
                phone.proof("/oauth2/token", CLOCK.instant()));
        assertThat(withProof.status()).isEqualTo(200);
        assertThat(withProof.text("token_type")).isEqualTo("DPoP");
    }
}
