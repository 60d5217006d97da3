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

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dpop.requireNonce}: a proof must carry a nonce the server handed out within the last one to two minutes. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DPoPNonceTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extensionWithSettings(
            "dpop-nonce", CLOCK,
            ConfigOverride.config("keys.directory", "target/test-keys/dpop-nonce"),
            ConfigOverride.config("dpop.requireNonce", "true"));

    private ApiClient api;
    private DeviceKey phone;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
        phone = DeviceKey.generate();
    }

    @Test
    void aProofWithoutTheNonceIsAnsweredWithUseDPoPNonceAndTheNonceToUse() {
        Reply first = api.login(TestService.USERNAME, TestService.PASSWORD, phone.proof("/auth/login", CLOCK.instant()));

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.text("error")).isEqualTo("use_dpop_nonce");
        assertThat(first.json().has("access_token")).isFalse();
        String nonce = nonce(first);
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD,
                phone.proofWithNonce("/auth/login", CLOCK.instant(), nonce));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("DPoP");
        assertThat(nonce(login)).as("every answer carries the current nonce").isNotBlank();
    }

    @Test
    void aNonceExpiresAfterTwoMinutesAtMost() {
        String nonce = nonce(api.login(TestService.USERNAME, TestService.PASSWORD,
                phone.proof("/auth/login", CLOCK.instant())));
        CLOCK.advance(Duration.ofSeconds(121));

        Reply stale = api.login(TestService.USERNAME, TestService.PASSWORD,
                phone.proofWithNonce("/auth/login", CLOCK.instant(), nonce));

        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.text("error")).isEqualTo("use_dpop_nonce");
        assertThat(nonce(stale)).isNotEqualTo(nonce);
    }

    private static String nonce(Reply reply) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("DPoP-Nonce"))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no DPoP-Nonce"));
    }
}
