package com.nexustrade.auth.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 8: the smaller holes, one behaviour per test. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HardeningTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extensionWithSettings("hardening",
            CLOCK, ConfigOverride.config("oauth2.passwordGrantEnabled", "true"));
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    @Test
    void thePasswordGrantRefusesA15KbUsernameAsTheLoginEndpointDoes() throws Exception {
        RawHttp.Response answer = RawHttp.exchange(APP.getLocalPort(), "POST /oauth2/token HTTP/1.1", List.of(FORM),
                "grant_type=password&password=x&username=" + "u".repeat(15_000));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void thePasswordGrantRefusesAPasswordOverTheLoginLimit() throws Exception {
        RawHttp.Response answer = RawHttp.exchange(APP.getLocalPort(), "POST /oauth2/token HTTP/1.1", List.of(FORM),
                "grant_type=password&username=trader1&password=" + "p".repeat(1025));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void metadataUrlsComeFromTheConfiguredIssuerNotTheHostHeader() throws Exception {
        RawHttp.Response answer = RawHttp.exchange(APP.getLocalPort(),
                "GET /.well-known/oauth-authorization-server HTTP/1.1", List.of("Host: attacker.example"), "");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode metadata = answer.json();
        assertThat(metadata.get("issuer").asText()).isEqualTo("http://nexus-auth.test");
        for (String endpoint : List.of("token_endpoint", "jwks_uri", "revocation_endpoint", "introspection_endpoint")) {
            assertThat(metadata.get(endpoint).asText()).as(endpoint).startsWith("http://nexus-auth.test/");
        }
        assertThat(answer.body()).doesNotContain("attacker.example");
        assertThat(header(answer, "Cache-Control")).contains("max-age=");
    }

    @ParameterizedTest(name = "nosniff on {0}")
    @ValueSource(strings = {"GET /.well-known/jwks.json", "GET /.well-known/oauth-authorization-server",
            "POST /auth/login", "GET /auth/me", "GET /no-such-page", "DELETE /auth/login", "GET /%", "POST /oauth2/token"})
    void everyResponseCarriesNosniff(String request) throws Exception {
        RawHttp.Response answer = RawHttp.exchange(APP.getLocalPort(), request + " HTTP/1.1",
                List.of("Content-Type: application/json"), "{}");

        assertThat(header(answer, "X-Content-Type-Options")).as(answer.head()).isEqualTo("nosniff");
    }

    @Test
    void anHttp09RequestGetsA4xxWithTheJsonErrorBody() throws Exception {
        RawHttp.Response answer = RawHttp.raw(APP.getLocalPort(), "GET /auth/me\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.body()).startsWith("{\"error\"");
    }

    @ParameterizedTest(name = "protocol error: {0}")
    @ValueSource(strings = {
            "GET /auth/me HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET /auth/me HTTP/1.1\r\n\r\n",
            "POST /auth/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            "POST /auth/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GET /auth/me HTTP/2.0\r\nHost: a\r\n\r\n",
            "GET /auth/me HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n",
            "GET /auth/me FOO/1.1\r\nHost: a\r\n\r\n"})
    void protocolErrorsGetA4xxWithTheJsonErrorBody(String request) throws Exception {
        RawHttp.Response answer = RawHttp.raw(APP.getLocalPort(), request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.body()).startsWith("{\"error\"");
    }

    static String header(RawHttp.Response response, String name) {
        for (String line : response.head().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
