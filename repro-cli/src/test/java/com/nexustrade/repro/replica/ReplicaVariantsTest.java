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

    /** Incident 04 fixed, the grace window open to anyone: the thief gets the successor and the session lives on. */
    @Test
    void stolenTokenFailsAgainstAGraceReplayThatIgnoresTheKey() {
        try (IncidentReplica replica = IncidentReplica.graceWithoutBinding()) {
            ReproRun run = ReproRun.of("stolen-token", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD);

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL stolen-token", "dpop_signing_alg_values_supported [ES256]",
                            "session bound to key ")
                    .contains("The thief without a proof got 200 with a token (the successor handed to whoever presents"
                            + " the predecessor); after the thief without a proof the session lives on (the holder's"
                            + " successor got 200); the thief with a proof from another key got 200 with a token")
                    .contains(": a stolen refresh token works without the device key.");
            replica.issuedTokens().forEach(token -> assertThat(run.out()).doesNotContain(token));
        }
    }

    /** The same replica passes the incident's own check: what stolen-token finds is not incident 04 again. */
    @Test
    void allAgainstTheGraceReplicaRunsStolenTokenBecauseItAdvertisesDPoP() {
        try (IncidentReplica replica = IncidentReplica.graceWithoutBinding()) {
            ReproRun run = ReproRun.of("all", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--rounds", "1", "--require", "sub", "--expect-roles=");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("PASS concurrent-refresh", "PASS claims", "FAIL stolen-token")
                    .doesNotContain("stolen-token not run");
        }
    }

    @Test
    void allAgainstATargetThatDoesNotAdvertiseDPoPLeavesStolenTokenOutAndSaysSo() {
        try (IncidentReplica replica = IncidentReplica.serialised()) {
            ReproRun run = ReproRun.of("all", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--rounds", "1");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("note: stolen-token not run: the target does not advertise DPoP")
                    .doesNotContain("stolen-token (").contains("3 of 3 checks failed");
        }
    }

    /** A server with no DPoP at all: the check has no meaning there, as service-auth has none for oauth2. */
    @Test
    void stolenTokenAgainstATargetThatCannotBindCannotRun() {
        try (IncidentReplica replica = IncidentReplica.racy()) {
            ReproRun run = ReproRun.of("stolen-token", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("stolen-token needs a target that binds sessions to a DPoP key: a login with a"
                    + " proof at " + replica.baseUrl() + "/auth/login got token_type Bearer and no cnf.jkt of the key");
        }
    }

    /** With --dpop, claims wants the token bound to the login's key: a bearer token fails, naming what it lacks. */
    @Test
    void claimsWithDPoPFailsWhenTheTokenIsNotBoundToTheKey() {
        try (IncidentReplica replica = IncidentReplica.racy()) {
            ReproRun run = ReproRun.of("claims", "--dpop", "--base-url", replica.baseUrl(), "--password",
                    IncidentReplica.PASSWORD, "--require", "sub", "--expect-roles=");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("With --dpop the access token is not bound to the login's key (token_type"
                    + " Bearer, cnf.jkt missing): whoever holds it can use it without the key");
        }
    }
}
