package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident's reproduction step 3: an empty {@code X-Internal-Service} header got a service token.
 * Requests are written byte by byte on a socket, so that empty, blank and repeated headers really reach
 * the server as sent (HTTP client libraries tidy such headers away).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServiceAuthTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("service-auth", CLOCK);
    private static final String SECRET = "X-Internal-Service-Secret: " + TestService.SERVICE_SECRET;

    static Stream<Arguments> refusedHeaders() {
        return Stream.of(
                Arguments.of("missing", List.of(SECRET)),
                Arguments.of("empty", List.of("X-Internal-Service:", SECRET)),
                Arguments.of("empty after a space", List.of("X-Internal-Service: ", SECRET)),
                Arguments.of("blank", List.of("X-Internal-Service:    ", SECRET)),
                Arguments.of("tab", List.of("X-Internal-Service: \t", SECRET)),
                Arguments.of("no-break space", List.of("X-Internal-Service: \u00a0", SECRET)),
                Arguments.of("repeated", List.of("X-Internal-Service: orders", "X-Internal-Service: orders", SECRET)),
                Arguments.of("repeated, one empty", List.of("X-Internal-Service:", "X-Internal-Service: orders", SECRET)),
                Arguments.of("unknown service", List.of("X-Internal-Service: payments", SECRET)),
                Arguments.of("wrong secret", List.of("X-Internal-Service: orders", "X-Internal-Service-Secret: guess")),
                Arguments.of("no secret", List.of("X-Internal-Service: orders")),
                Arguments.of("empty secret", List.of("X-Internal-Service: orders", "X-Internal-Service-Secret:")),
                Arguments.of("repeated secret", List.of("X-Internal-Service: orders", SECRET, SECRET)),
                Arguments.of("malformed id", List.of("X-Internal-Service: Orders;DROP", SECRET)));
    }

    @ParameterizedTest(name = "{0} X-Internal-Service is refused with 401 invalid_client and no token")
    @MethodSource("refusedHeaders")
    void badServiceHeadersAreRefusedWithoutAToken(String name, List<String> headers) throws Exception {
        RawHttp.Response response = RawHttp.post(APP.getLocalPort(), "/auth/service_auth", headers);

        assertThat(response.status()).isEqualTo(401);
        JsonNode body = response.json();
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertThat(body.has("access_token")).isFalse();
        assertThat(response.body()).doesNotContain("eyJ");
    }

    @Test
    void rightIdAndSecretGetAServiceTokenWithoutUserClaims() throws Exception {
        RawHttp.Response response = RawHttp.post(APP.getLocalPort(), "/auth/service_auth",
                List.of("X-Internal-Service: orders", SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(300);
        JsonNode claims = ClaimsTest.decodePart(response.json().get("access_token").asText(), 1);
        assertThat(claims.get("sub").asText()).isEqualTo("service:orders");
        assertThat(claims.get("token_use").asText()).isEqualTo("service");
        assertThat(claims.get("permissions")).extracting(JsonNode::asText)
                .containsExactly("accounts:read", "orders:read");
        assertThat(claims.has("username")).isFalse();
        assertThat(claims.has("email")).isFalse();
        assertThat(claims.has("roles")).isFalse();
        assertThat(claims.has("tenant_id")).isFalse();
    }

    @Test
    void serviceTokenIsRefusedByTheUserProfileEndpoint() throws Exception {
        RawHttp.Response response = RawHttp.post(APP.getLocalPort(), "/auth/service_auth",
                List.of("X-Internal-Service: orders", SECRET));
        ApiClient.Reply me = new ApiClient(APP.getLocalPort()).me(response.json().get("access_token").asText());

        assertThat(me.status()).isEqualTo(403);
        assertThat(me.text("error")).isEqualTo("insufficient_scope");
    }
}
