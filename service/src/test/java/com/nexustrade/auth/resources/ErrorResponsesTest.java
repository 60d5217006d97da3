package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure of docs/api.md answers its status with the JSON error body: never HTML, a stack trace or a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorResponsesTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("error-responses", CLOCK);

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Reply wrongPassword = api.login(TestService.USERNAME, "wrong-password");
        Reply unknownUser = api.login("nobody", "wrong-password");

        assertError(wrongPassword, 401, "invalid_credentials");
        assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @ParameterizedTest(name = "login body {0} is 400 invalid_request")
    @ValueSource(strings = {"{}", "{\"username\":\"trader1\"}", "{\"password\":\"x\"}", "{\"username\":\"\",\"password\":\"x\"}",
            "{\"username\":\"   \",\"password\":\"x\"}", "{\"username\":null,\"password\":\"x\"}", "[]", "\"text\"",
            "{\"username\":", "not json", "{\"username\":{\"$gt\":\"\"},\"password\":\"x\"}"})
    void malformedLoginBodiesAreInvalidRequest(String body) {
        assertError(api.post("/auth/login", "application/json", body), 400, "invalid_request");
    }

    @Test
    void emptyLoginBodyIsInvalidRequest() {
        assertError(api.post("/auth/login", "application/json", ""), 400, "invalid_request");
    }

    @Test
    void overlongPasswordIsRefusedBeforeHashing() {
        assertError(api.login(TestService.USERNAME, "x".repeat(1025)), 400, "invalid_request");
    }

    @Test
    void bodiesOverSixteenKibAreRefusedWith413() throws Exception {
        String big = "{\"username\":\"trader1\",\"password\":\"" + "x".repeat(17_000) + "\"}";
        assertError(api.post("/auth/login", "application/json", big), 413, "request_too_large");

        RawHttp.Response chunked = RawHttp.exchangeChunked(APP.getLocalPort(), "POST /auth/login HTTP/1.1",
                List.of("Content-Type: application/json"), big);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.json().get("error").asText()).isEqualTo("request_too_large");
    }

    @ParameterizedTest(name = "control character in {0} is 400")
    @ValueSource(strings = {"{\"username\":\"trader1\\u0000\",\"password\":\"x\"}",
            "{\"username\":\"trader1\",\"password\":\"trader1-test-password\\u0000\"}",
            "{\"username\":\"tra\\nder1\",\"password\":\"x\"}"})
    void nulAndControlCharactersInLoginFieldsAreInvalidRequest(String body) {
        assertError(api.post("/auth/login", "application/json", body), 400, "invalid_request");
    }

    @Test
    void nulInARefreshTokenIsInvalidRequest() {
        assertError(api.post("/auth/refresh", "application/json", "{\"refresh_token\":\"abc\\u0000def\"}"),
                400, "invalid_request");
        assertError(api.post("/auth/refresh", "application/x-www-form-urlencoded", "refresh_token=abc%00def"),
                400, "invalid_request");
    }

    @Test
    void tokenResponsesAreNotCacheable() {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);

        assertThat(login.headers().get("cache-control")).containsExactly("no-store");
        assertThat(login.contentType()).matches("application/json; ?charset=(?i)utf-8");
        assertThat(login.text("token_type")).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(300);
        assertThat(login.json().get("refresh_expires_in").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void unknownRefreshTokenIsInvalidGrantUnknown() {
        Reply reply = api.refresh("A".repeat(43));

        assertError(reply, 401, "invalid_grant");
        assertThat(reply.text("reason")).isEqualTo("unknown");
    }

    @Test
    void missingRefreshTokenIsInvalidRequest() {
        assertError(api.postJson("/auth/refresh", Map.of()), 400, "invalid_request");
        assertError(api.post("/auth/refresh", "application/x-www-form-urlencoded", ""), 400, "invalid_request");
        assertError(api.post("/auth/refresh", "application/x-www-form-urlencoded", "refresh_token=a&token=b"),
                400, "invalid_request");
    }

    @Test
    void formEncodedRefreshAcceptsRefreshTokenAndTheLegacyTokenField() {
        String first = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        Reply viaStandardField = api.post("/auth/refresh", "application/x-www-form-urlencoded", "refresh_token=" + first);
        assertThat(viaStandardField.status()).isEqualTo(200);

        Reply viaLegacyField = api.post("/auth/refresh", "application/x-www-form-urlencoded",
                "token=" + viaStandardField.text("refresh_token"));
        assertThat(viaLegacyField.status()).isEqualTo(200);
        assertThat(viaLegacyField.text("refresh_token")).isNotEqualTo(viaStandardField.text("refresh_token"));
    }

    @Test
    void expiredRefreshTokenIsInvalidGrantExpired() {
        String token = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        CLOCK.advance(Duration.ofDays(30));
        try {
            Reply reply = api.refresh(token);
            assertError(reply, 401, "invalid_grant");
            assertThat(reply.text("reason")).isEqualTo("expired");
        } finally {
            CLOCK.advance(Duration.ofDays(-30));
        }
    }

    @Test
    void logoutRevokesTheSessionIdempotentlyAndEveryTokenAnswersRevoked() {
        String first = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        String second = api.refresh(first).text("refresh_token");

        assertThat(api.logout(first).status()).isEqualTo(204);
        assertThat(api.logout(first).status()).isEqualTo(204);

        for (String token : List.of(first, second)) {
            Reply reply = api.refresh(token);
            assertError(reply, 401, "invalid_grant");
            assertThat(reply.text("reason")).isEqualTo("revoked");
        }
    }

    @Test
    void logoutOfAnUnknownTokenIsAcceptedAndMissingTokenIsInvalidRequest() {
        assertThat(api.logout("A".repeat(43)).status()).isEqualTo(204);
        assertError(api.postJson("/auth/logout", Map.of()), 400, "invalid_request");
    }

    @Test
    void frameworkErrorsUseTheSameJsonShape() {
        assertError(api.send(HttpRequest.newBuilder(api.uri("/no/such/path")).GET()), 404, "not_found");
        assertError(api.send(HttpRequest.newBuilder(api.uri("/auth/login")).GET()), 405, "method_not_allowed");
        assertError(api.post("/auth/login", "text/plain", "username=trader1"), 415, "unsupported_media_type");
    }

    @Test
    void oversizedHeadersAndMalformedUrisAreAnsweredInJsonByJettyToo() throws Exception {
        RawHttp.Response oversized = RawHttp.exchange(APP.getLocalPort(), "GET /auth/me HTTP/1.1",
                List.of("X-Big: " + "a".repeat(20_000)), "");
        RawHttp.Response badUri = RawHttp.exchange(APP.getLocalPort(), "GET /auth/%zz HTTP/1.1", List.of(), "");

        assertThat(oversized.status()).isEqualTo(431);
        assertThat(oversized.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(badUri.status()).isEqualTo(400);
        assertThat(badUri.json().get("error").asText()).isEqualTo("invalid_request");
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).matches("application/json; ?charset=(?i)utf-8");
        assertThat(reply.text("error")).isEqualTo(error);
        assertThat(reply.text("error_description")).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
