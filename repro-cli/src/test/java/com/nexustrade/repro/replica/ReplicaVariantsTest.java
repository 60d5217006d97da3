package com.nexustrade.repro.replica;

import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica's variants: the incident log's exact picture, no JWKS, and the signatures a verifier must refuse. */
class ReplicaVariantsTest {

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

    @Test
    void tokenSignedWithAKeyOtherThanTheJwksOneFailsOnTheSignature() {
        try (IncidentReplica replica = IncidentReplica.signing(IncidentReplica.Signing.FOREIGN_KEY)) {
            ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--require", "sub", "--expect-roles=");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL claims",
                    "The ES256 signature does not verify against JWKS key replica-key-1 (EC P-256): the incident reproduces.");
        }
    }

    @Test
    void unsignedTokenFailsAsForgeable() {
        try (IncidentReplica replica = IncidentReplica.signing(IncidentReplica.Signing.UNSIGNED)) {
            ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--require", "sub", "--expect-roles=");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("The token is unsigned (alg none): anyone can forge it: the incident reproduces.")
                    .doesNotContain("GET /.well-known/jwks.json");
        }
    }

    @Test
    void expectedRoleMissingFromThePresentRolesClaimFailsNamingIt() {
        try (IncidentReplica replica = IncidentReplica.racy()) {
            ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--require", "sub", "--expect-roles", "admin");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("The access token has no roles claim, so it lacks admin: the incident reproduces"
                    + " (downstream services answer 403 Forbidden).");
        }
    }
}
