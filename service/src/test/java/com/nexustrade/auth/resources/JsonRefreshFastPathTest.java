package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /auth/refresh} with a plain JSON body is answered before Jersey (JsonRefreshFastPath), and gets
 * exactly the answer Jersey gives the same refresh sent as a form; every other request is still Jersey's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JsonRefreshFastPathTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("fast-path", CLOCK);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFRESH = "POST /auth/refresh HTTP/1.1";
    private static final String JERSEY_ONLY_TIMER = "com.nexustrade.auth.resources.AuthResource.refresh-json.total";
    private static final String SHARED_TIMER = "com.nexustrade.auth.resources.AuthResource.refresh-json";

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
        CLOCK.advance(Duration.ofMinutes(10));
    }

    @Test
    void aRotationReplayAndReuseGetJerseysAnswersWithoutPassingThroughJersey() throws IOException {
        String viaJson = login();
        String viaForm = login();
        long jerseyBefore = timerCount(JERSEY_ONLY_TIMER);
        long sharedBefore = timerCount(SHARED_TIMER);

        RawHttp.Response rotated = json(viaJson);
        RawHttp.Response rotatedForm = form(viaForm);
        RawHttp.Response replayed = json(viaJson);
        RawHttp.Response replayedForm = form(viaForm);
        CLOCK.advance(Duration.ofSeconds(31));
        RawHttp.Response reused = json(viaJson);
        RawHttp.Response reusedForm = form(viaForm);

        assertSameAnswer(rotated, rotatedForm, 200);
        assertSameAnswer(replayed, replayedForm, 200);
        assertThat(replayed.json().get("refresh_token")).as("the grace replay hands back the successor")
                .isEqualTo(rotated.json().get("refresh_token"));
        assertSameAnswer(reused, reusedForm, 401);
        assertThat(reused.json().get("reason").asText()).isEqualTo("reuse_detected");
        assertThat(reused.body()).isEqualTo(reusedForm.body());
        assertThat(timerCount(SHARED_TIMER) - sharedBefore).as("the endpoint's timer counts both paths").isEqualTo(3);
        assertThat(timerCount(JERSEY_ONLY_TIMER)).as("Jersey never saw the JSON refreshes").isEqualTo(jerseyBefore);
        assertThat(api.me(rotated.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void aMalformedTokenInAWellFormedBodyGetsTheSameFourHundredAsTheForm() throws IOException {
        for (String token : List.of("", "   ", "x".repeat(513), "caf\u00e9", "a b")) {
            RawHttp.Response viaJson = RawHttp.exchange(APP.getLocalPort(), REFRESH,
                    List.of("Content-Type: application/json"), JSON.writeValueAsString(java.util.Map.of("refresh_token", token)));
            RawHttp.Response viaForm = form(token);

            assertSameAnswer(viaJson, viaForm, 400);
            assertThat(viaJson.body()).as("token %s", token).isEqualTo(viaForm.body());
        }
        RawHttp.Response missing = RawHttp.exchange(APP.getLocalPort(), REFRESH, List.of("Content-Type: application/json"), "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error_description").asText()).isEqualTo("refresh_token is required");
    }

    @Test
    void whatTheFastPathCannotReadIsStillAnsweredByJersey() throws IOException {
        int port = APP.getLocalPort();
        String body = "{\"refresh_token\":\"" + login() + "\"}";
        long jerseyBefore = timerCount(JERSEY_ONLY_TIMER);

        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json"), "{\"refresh_token\":"),
                400, "invalid_request");
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json"), "null"), 400, "invalid_request");
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json", "Accept: text/html"), body),
                406, "not_acceptable");
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json; charset=iso-8859-1"), body),
                415, "unsupported_media_type");
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json", "Content-Encoding: gzip"), body),
                415, "unsupported_media_type");
        // Jetty itself refuses a repeated Content-Type before any filter runs.
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json", "Content-Type: application/json"), body),
                400, "invalid_request");
        assertError(RawHttp.exchange(port, REFRESH, List.of("Content-Type: application/json"),
                "{\"refresh_token\":\"" + "x".repeat(17 * 1024) + "\"}"), 413, "request_too_large");
        assertThat(timerCount(JERSEY_ONLY_TIMER)).as("the malformed and null bodies reached AuthResource")
                .isEqualTo(jerseyBefore + 2);

        RawHttp.Response chunked = RawHttp.exchangeChunked(port, REFRESH, List.of("Content-Type: application/json"), body);
        assertThat(chunked.status()).as("a chunked body has no declared length: Jersey reads it").isEqualTo(200);
        assertThat(timerCount(JERSEY_ONLY_TIMER)).isEqualTo(jerseyBefore + 3);
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsRefusedAndTheTokenStaysUsable() throws IOException {
        String token = login();
        String body = "{\"refresh_token\":\"" + token + "\"}";
        String request = REFRESH + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (body.length() + 10) + "\r\n\r\n" + body;

        RawHttp.Response cut = RawHttp.raw(APP.getLocalPort(), request.getBytes(StandardCharsets.UTF_8));

        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(token).status()).as("nothing was rotated").isEqualTo(200);
    }

    private String login() {
        return api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
    }

    private static RawHttp.Response json(String token) throws IOException {
        return RawHttp.exchange(APP.getLocalPort(), REFRESH, List.of("Content-Type: application/json"),
                "{\"refresh_token\":\"" + token + "\"}");
    }

    private static RawHttp.Response form(String token) throws IOException {
        return RawHttp.exchange(APP.getLocalPort(), REFRESH, List.of("Content-Type: application/x-www-form-urlencoded"),
                "refresh_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static void assertSameAnswer(RawHttp.Response fast, RawHttp.Response jersey, int status) throws IOException {
        assertThat(fast.status()).isEqualTo(status);
        assertThat(jersey.status()).isEqualTo(status);
        for (String header : List.of("Content-Type", "Cache-Control", "Pragma", "X-Content-Type-Options", "Retry-After",
                "WWW-Authenticate", "DPoP-Nonce")) {
            assertThat(fast.header(header)).as(header).isEqualTo(jersey.header(header));
        }
        assertThat(fieldNames(fast.json())).isEqualTo(fieldNames(jersey.json()));
    }

    private static void assertError(RawHttp.Response response, int status, String error) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo(error);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long timerCount(String name) {
        JsonNode timers;
        try {
            timers = JSON.readTree(api.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics")).GET()).body()).get("timers");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode timer = timers.get(name);
        return timer == null ? 0 : timer.get("count").asLong();
    }
}
