package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy answer, 503 with Retry-After, is no refusal: the app keeps its token and sends it again after the delay
 * (docs/repro.md, "Busy answers"). Against {@link IncidentReplica#busyOnFirstTry()}, which answers the first refresh
 * of every token so, storm and bench must force nobody out and fail no refresh, even with --retries 0, and count the
 * 503s.
 */
class BusyAnswersTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start() {
        replica = IncidentReplica.busyOnFirstTry();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    @Test
    void aStormSendsTheSameTokenAgainAfterRetryAfterAndForcesNobodyOut() throws Exception {
        ReproRun run = ReproRun.of("storm", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--users", "20", "--devices", "2", "--retries", "0", "--window", "0.3", "--seed", "7",
                "--concurrency", "16", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("status_counts").path("200").asInt()).as("every device got its token").isEqualTo(40);
        assertThat(report.path("status_counts").path("503").asInt()).as("one busy answer per session's token").isEqualTo(20);
        assertThat(report.path("transport_errors").asInt()).isZero();
    }

    @Test
    void aBenchCountsBusyAnswersAndFailsNoRefresh() throws Exception {
        ReproRun run = ReproRun.of("bench", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--clients", "4", "--duration", "4", "--warmup", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("status_counts").path("200").asInt()).isPositive();
        assertThat(report.path("status_counts").path("503").asInt()).isPositive();
    }
}
