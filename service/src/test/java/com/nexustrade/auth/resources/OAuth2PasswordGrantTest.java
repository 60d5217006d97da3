package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The password grant exists only when configured on, and then checks passwords exactly as /auth/login does. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuth2PasswordGrantTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extensionWithSettings(
            "oauth2-password", CLOCK, ConfigOverride.config("oauth2.passwordGrantEnabled", "true"));
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void passwordGrantWhenEnabledIssuesATokenPairAndRefusesAWrongPassword() {
        ApiClient api = new ApiClient(APP.getLocalPort());

        Reply granted = api.post("/oauth2/token", FORM, "grant_type=password&username=trader1&password="
                + TestService.PASSWORD);
        Reply refused = api.post("/oauth2/token", FORM, "grant_type=password&username=trader1&password=wrong");

        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.text("refresh_token")).isNotBlank();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("invalid_grant");
        Reply wrongClient = api.post("/oauth2/token", FORM, "grant_type=password&username=trader1&password="
                + TestService.PASSWORD + "&client_id=orders&client_secret=not-the-orders-secret");
        assertThat(wrongClient.status()).as("a client that sends a secret must send the right one").isEqualTo(401);
        assertThat(wrongClient.text("error")).isEqualTo("invalid_client");
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/.well-known/oauth-authorization-server")).GET())
                .json().get("grant_types_supported").toString()).contains("password");
    }
}
