package com.nexustrade.auth.resources;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute force is slowed with 429s, and on-call sees rotation outcomes and security events. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BruteForceAndObservabilityTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("brute-force", CLOCK);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiClient api;
    private ListAppender<ILoggingEvent> securityLog;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
        securityLog = new ListAppender<>();
        securityLog.start();
        ((Logger) LoggerFactory.getLogger("nexus-auth.security")).addAppender(securityLog);
        CLOCK.advance(Duration.ofMinutes(10)); // every test starts with full buckets
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger("nexus-auth.security")).detachAppender(securityLog);
    }

    @Test
    void fortyWrongPasswordsInARowGet429sAndTheOwnerGetsBackInAfterTheRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        Reply last = null;
        for (int i = 0; i < 40; i++) {
            last = api.login("viewer", "wrong-" + i);
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 40)).containsOnly(429);
        assertThat(last.text("error")).isEqualTo("rate_limited");
        assertThat(last.headers().get("retry-after")).containsExactly("12");
        assertThat(api.login("viewer", "viewer-test-password").status()).as("still inside the wait").isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(12));
        assertThat(api.login("viewer", "viewer-test-password").status()).isEqualTo(200);
    }

    @Test
    void repeatedWrongServiceSecretsGet429() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(RawHttp.post(APP.getLocalPort(), "/auth/service_auth",
                    List.of("X-Internal-Service: orders", "X-Internal-Service-Secret: guess-" + i)).status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
    }

    @Test
    void adminMetricsShowRotationOutcomesAfterAReuse() throws Exception {
        String original = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        api.refresh(original);
        api.refresh(original);
        CLOCK.advance(Duration.ofSeconds(31));
        api.refresh(original);

        JsonNode counters = JSON.readTree(api.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics")).GET()).body()).get("counters");
        assertThat(counters.get("nexus-auth.refresh.rotated").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counters.get("nexus-auth.refresh.grace_replay").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counters.get("nexus-auth.refresh.reuse_detected").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counters.get("nexus-auth.login.success").get("count").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode timers = JSON.readTree(api.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics")).GET()).body()).get("timers");
        assertThat(timers.fieldNames()).toIterable().anySatisfy(name -> assertThat(name).endsWith("refresh-json"));
    }

    @Test
    void reuseIsOneJsonSecurityEventWithFamilyUserAndClientAndNoToken() throws Exception {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        String original = login.text("refresh_token");
        String successor = api.refresh(original).text("refresh_token");
        CLOCK.advance(Duration.ofSeconds(31));
        api.send(HttpRequest.newBuilder(api.uri("/auth/refresh")).header("Content-Type", "application/json")
                .header("User-Agent", "NexusTrade/5.2 (iPhone)")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + original + "\"}")));

        List<JsonNode> events = new ArrayList<>();
        for (ILoggingEvent event : securityLog.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(original).doesNotContain(successor)
                    .doesNotContain(TestService.PASSWORD);
            events.add(JSON.readTree(event.getFormattedMessage()));
        }
        JsonNode reuse = events.stream().filter(e -> e.get("event").asText().equals("refresh_token_reuse"))
                .findFirst().orElseThrow();
        String sid = ClaimsTest.decodePart(login.text("access_token"), 1).get("sid").asText();
        assertThat(reuse.get("family_id").asText()).isEqualTo(sid);
        assertThat(reuse.get("user_id").asText()).isNotBlank();
        assertThat(reuse.get("client_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(reuse.get("user_agent").asText()).isEqualTo("NexusTrade/5.2 (iPhone)");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("event").asText()).isEqualTo("family_revoked");
            assertThat(e.get("reason").asText()).isEqualTo("reuse_detected");
        });
    }
}
