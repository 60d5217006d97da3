package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident's service revokes all of a user's tokens at each refresh: clients following rotation lose their sessions. */
class BenchAgainstIncidentReplicaTest {

    @Test
    void clientsOfOneUserLoseTheirSessionsSoTheBenchFailsWithExit1() throws Exception {
        try (IncidentReplica replica = IncidentReplica.serialised()) {
            ReproRun run = ReproRun.of("bench", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--clients", "3", "--warmup", "0", "--duration", "1", "--format", "json");

            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("failed_refreshes").asInt()).isPositive();
            assertThat(report.path("status_counts").path("401").asInt()).isPositive();
            assertThat(report.path("conclusion").asText()).contains("401 invalid_grant (revoked)",
                    "a client following rotation lost its session");
        }
    }

    @Test
    void oneClientAloneFollowsRotationWithoutFailures() throws Exception {
        try (IncidentReplica replica = IncidentReplica.serialised()) {
            ReproRun run = ReproRun.of("bench", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--clients", "1", "--warmup", "0", "--duration", "1");

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains("PASS bench", "refreshes/s from 1 client following rotation");
        }
    }
}
