package com.nexustrade.repro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service rotating at most 4 refreshes at once (store.maxRefreshesRotating), so that a storm
 * of 32 workers or a bench of 16 clients meets its busy answer, 503 with Retry-After, on most rotations. repro sends the same token again after the delay, as the app
 * does, and counts the 503s without calling them refusals: nobody is forced out and no refresh failed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReproAgainstBusyServiceTest {

    private static final DropwizardAppExtension<AuthConfiguration> SERVICE = ServiceUnderTest.extension("repro-busy",
            ConfigOverride.config("store.maxRefreshesRotating", "4"));

    private static final Map<String, String> ENVIRONMENT = Map.of("REPRO_PASSWORD", "trader1-repro-test-password");

    @Test
    void aStormMeetingBusyAnswersSendsAgainAfterRetryAfterAndForcesNoUserOut() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "storm", "--base-url", ServiceUnderTest.baseUrl(SERVICE),
                "--users", "40", "--devices", "2", "--retries", "0", "--concurrency", "32", "--seed", "5",
                "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("status_counts").path("200").asInt()).as("every device got its token").isEqualTo(80);
        assertThat(report.path("status_counts").path("503").asInt()).as("4 refreshes were already rotating").isPositive();
        assertThat(report.path("transport_errors").asInt()).isZero();
    }

    @Test
    void aBenchMeetingBusyAnswersCountsThemAndFailsNoRefresh() throws IOException {
        ReproRun run = ReproRun.withEnvironment(ENVIRONMENT, "bench", "--base-url", ServiceUnderTest.baseUrl(SERVICE),
                "--clients", "16", "--duration", "4", "--warmup", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("status_counts").path("200").asInt()).isPositive();
        assertThat(report.path("status_counts").path("503").asInt()).as("4 refreshes were already rotating").isPositive();
    }
}
