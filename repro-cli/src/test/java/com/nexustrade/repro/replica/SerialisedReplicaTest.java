package com.nexustrade.repro.replica;

import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident log's exact picture: of three concurrent refreshes the first wins and the other two get hard 401s. */
class SerialisedReplicaTest {

    @Test
    void concurrentRefreshReportsTwoOfThreeRevokedLikeTheIncidentLog() {
        try (IncidentReplica replica = IncidentReplica.serialised()) {
            ReproRun run = ReproRun.of("concurrent-refresh", "--base-url", replica.baseUrl(),
                    "--password", IncidentReplica.PASSWORD, "--rounds", "1");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("2 of 3 concurrent refreshes got 401 invalid_grant (revoked); "
                    + "3 of 3 retries of the old token (the app's retry loop) got 401 invalid_grant (revoked) "
                    + "(callers got 1 distinct successor per round): the incident reproduces");
        }
    }

    @Test
    void claimsWithoutAJwksSaysTheSignatureIsNotVerifiedAndFailsOnlyForTheMissingClaims() {
        try (IncidentReplica replica = IncidentReplica.withoutJwks()) {
            ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--require", "sub,username", "--expect-roles=");

            assertThat(run.exitCode()).isEqualTo(0);
            assertThat(run.out()).contains("PASS claims", "< 404", "no JWKS: signature not verified");
        }
    }
}
