package com.nexustrade.repro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.repro.replica.ClosingFront;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the service built from this repository the incident must not reproduce: every check passes, exit 0. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReproAgainstServiceTest {

    private static final DropwizardAppExtension<AuthConfiguration> SERVICE = ServiceUnderTest.extension("repro-it");

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REPRO_PASSWORD", "trader1-repro-test-password",
            "REPRO_SERVICE_SECRET", "orders-repro-test-secret");

    private static String baseUrl() {
        return ServiceUnderTest.baseUrl(SERVICE);
    }

    @Test
    void allChecksPassWithExit0AndTheCallersShareOneSuccessorPerRound() {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "all", "--base-url", baseUrl(), "--service-id", "orders");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("PASS concurrent-refresh", "PASS claims", "PASS service-auth", "PASS stolen-token")
                .contains("All 15 concurrent refreshes and 15 retries over 5 rounds got 200, callers got 1 distinct "
                        + "successor per round, and every successor works: the incident does not reproduce.")
                .contains("with roles [admin, trader]", "signature verified (ES256, EC P-256 key, kid ")
                .contains("All 8 bad X-Internal-Service requests were refused with no token (8× 401 invalid_client)"
                        + " and the right credentials got one: the incident does not reproduce.")
                .contains("All 4 checks passed: incident 04 does not reproduce at " + baseUrl() + ".");
    }

    @Test
    void jsonReportOfTheServiceCountsEveryRefreshAsSucceeded() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "concurrent-refresh", "--base-url", baseUrl(),
                "--parallel", "5", "--rounds", "2", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode facts = new ObjectMapper().readTree(run.out()).path("checks").get(0).path("facts");
        assertThat(facts.path("concurrent_refreshes_succeeded").asInt()).isEqualTo(10);
        assertThat(facts.path("retries_succeeded").asInt()).isEqualTo(6);
        assertThat(facts.path("distinct_successors_per_round").toString()).isEqualTo("[1,1]");
        assertThat(facts.path("successors_working").asInt()).isEqualTo(2);
    }

    @Test
    void stormAtMarketOpenForcesNoUserOutAndExits0() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "storm", "--base-url", baseUrl(), "--users", "50",
                "--devices", "2", "--retries", "3", "--seed", "11", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("users").asInt()).isEqualTo(50);
        assertThat(report.path("devices").asInt()).isEqualTo(100);
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("forced_logout_rate").asDouble()).isZero();
        // Grace replay: no retry needed. Up to 100 requests are in flight and the service admits 64 refreshes at
        // once (store.maxRefreshesRotating), so some may be busy answers (503), which the device sends again after
        // Retry-After; every device still ends with a 200.
        assertThat(report.path("status_counts").path("200").asInt()).isEqualTo(100);
        assertThat(report.path("status_counts").fieldNames()).toIterable().isSubsetOf("200", "503");
        assertThat(report.path("transport_errors").asInt()).isZero();
        assertThat(report.path("latency_ms").path("p50").asDouble()).isPositive();
        // a device waits at least as long as any one of its requests took
        assertThat(report.path("wake_to_answer_ms").path("max").asDouble())
                .isGreaterThanOrEqualTo(report.path("latency_ms").path("max").asDouble());
        assertThat(report.path("throughput_rps").asDouble()).isPositive();
        assertThat(report.path("conclusion").asText()).startsWith("No user was forced out: all 100 devices of 50 users got a token");
    }

    @Test
    void benchFollowingRotationGetsOnly200sAndExits0() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "bench", "--base-url", baseUrl(), "--clients", "4",
                "--warmup", "1", "--duration", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("clients").asInt()).isEqualTo(4);
        assertThat(report.path("http_client").asText()).isEqualTo("socket"); // the default for an http:// target
        assertThat(report.path("connections_opened").asInt()).isEqualTo(4); // one per worker, kept alive throughout
        assertThat(report.path("connections_found_closed").asInt()).isZero();
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        long refreshes = report.path("refreshes").asLong();
        assertThat(refreshes).isPositive();
        assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":" + refreshes + "}");
        assertThat(report.path("throughput_rps").asDouble()).isEqualTo(refreshes / 1.0);
        assertThat(report.path("latency_ms").path("p99").asDouble()).isPositive();
    }

    @Test
    void benchOverTheJdkClientStillWorksAndSaysSo() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "bench", "--base-url", baseUrl(), "--clients", "2",
                "--warmup", "0", "--duration", "1", "--http-client", "jdk", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("http_client").asText()).isEqualTo("jdk");
        assertThat(report.has("connections_opened")).isFalse();
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("refreshes").asLong()).isPositive();
        assertThat(report.path("evidence").toString()).contains("HTTP client: jdk (java.net.http.HttpClient");
    }

    /** Behind a front that answers HTTP/1.0 and closes every connection the service is still found to be fixed. */
    @Test
    void behindAnHttp10FrontAllPassesAndTheStormForcesNoUserOutWithoutTransportErrors() throws IOException {
        try (ClosingFront front = new ClosingFront(baseUrl(), ClosingFront.Closing.http10())) {
            ReproRun all = ReproRun.withEnvironment(ENVIRONMENT, "all", "--base-url", front.baseUrl(), "--service-id", "orders",
                    "--rounds", "2");
            ReproRun storm = ReproRun.withEnvironment(ENVIRONMENT, "storm", "--base-url", front.baseUrl(), "--users", "30",
                    "--devices", "2", "--seed", "3", "--concurrency", "16", "--format", "json");

            assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
            assertThat(all.out()).contains("PASS concurrent-refresh", "PASS claims", "PASS service-auth", "PASS stolen-token");
            assertThat(storm.exitCode()).as(storm.out() + storm.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(storm.out());
            assertThat(report.path("transport_errors").asInt()).isZero();
            assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":60}");
            assertThat(front.connections()).isEqualTo(front.requests()); // one request per connection, as HTTP/1.0 has it
        }
    }

    @Test
    void oauth2ProfileWhileThePasswordGrantIsOffIsALoginRefusedWithExit2() {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "claims", "--base-url", baseUrl(), "--profile", "oauth2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("repro: Login as trader1 at " + baseUrl() + "/oauth2/token was refused: "
                + "400 unsupported_grant_type");
    }

    @Test
    void wrongSecretForThePositiveControlFailsTheCheckAndSaysWhatToCheck() {
        ReproRun run = ReproRun.withEnvironment(Map.of("ORDERS_SECRET", "not-the-orders-secret"), "service-auth",
                "--base-url", baseUrl(), "--service-id", "orders", "--service-secret-env", "ORDERS_SECRET");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL service-auth", "\n  The right credentials for orders got 401 invalid_client"
                + " instead of a token (check --service-id and --service-secret).\n");
    }
}
