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
 * --dpop and stolen-token against the service, with proofs and server nonces required (docs/dpop.md): every session is bound to
 * a key repro makes, every login and refresh carries a fresh proof naming the server's nonce, and a stolen refresh
 * token is refused and ends its session. ReproAgainstServiceTest covers the same without nonces.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReproDPoPAgainstServiceTest {

    private static final DropwizardAppExtension<AuthConfiguration> SERVICE = ServiceUnderTest.extension("repro-dpop",
            ConfigOverride.config("dpop.requireNonce", "true"),
            // Every login and refresh without a proof is refused: each test below fails unless repro sends them.
            ConfigOverride.config("oauth2.defaultClient.dpop", "required"));

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REPRO_PASSWORD", "trader1-repro-test-password",
            "REPRO_SERVICE_SECRET", "orders-repro-test-secret");

    private static String baseUrl() {
        return ServiceUnderTest.baseUrl(SERVICE);
    }

    private static ReproRun repro(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--base-url";
        all[args.length + 1] = baseUrl();
        return ReproRun.withEnvironment(ENVIRONMENT, all);
    }

    @Test
    void allWithDPoPPassesEveryCheckOnBoundSessions() {
        ReproRun run = repro("all", "--dpop", "--service-id", "orders", "--rounds", "2");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("PASS concurrent-refresh", "PASS claims", "PASS service-auth", "PASS stolen-token")
                .contains("> POST /auth/login {\"username\":\"trader1\",\"password\":(hidden)} with a DPoP proof of key ")
                .contains(", released together, each with a fresh DPoP proof of key ")
                .contains("All 6 concurrent refreshes and 6 retries over 2 rounds got 200, callers got 1 distinct successor per round")
                .contains("bound to the login's DPoP key (cnf.jkt ")
                .contains("proofs name htu http://nexus-auth.repro-test/auth/refresh (the target's name for itself in its metadata)")
                .contains("All 4 checks passed");
    }

    /** The server asks for a nonce: the first proof is refused with use_dpop_nonce, answered once, never again. */
    @Test
    void theServersNonceIsAskedForOnceAndCarriedByEveryLaterProof() throws IOException {
        ReproRun run = repro("concurrent-refresh", "--dpop", "--parallel", "10", "--rounds", "2", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode check = new ObjectMapper().readTree(run.out()).path("checks").get(0);
        assertThat(check.path("facts").path("concurrent_refreshes_succeeded").asInt()).isEqualTo(20);
        assertThat(check.path("facts").path("distinct_successors_per_round").toString()).isEqualTo("[1,1]");
        assertThat(check.path("evidence").toString()).contains("; 1 use_dpop_nonce challenge answered");
    }

    @Test
    void stolenTokenIsRefusedWithoutAProofAndWithAnotherKeyAndEndsEachSession() throws IOException {
        ReproRun run = repro("stolen-token", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode check = new ObjectMapper().readTree(run.out()).path("checks").get(0);
        assertThat(check.path("passed").asBoolean()).isTrue();
        assertThat(check.path("facts").path("advertises_dpop").asBoolean()).isTrue();
        for (String theft : new String[] {"without_a_proof", "with_a_proof_from_another_key"}) {
            JsonNode facts = check.path("facts").path(theft);
            assertThat(facts.path("thief_status").asInt()).as(theft).isEqualTo(401);
            assertThat(facts.path("thief_got_token").asBoolean()).as(theft).isFalse();
            assertThat(facts.path("holder_after_status").asInt()).as(theft).isEqualTo(401);
            assertThat(facts.path("session_ended").asBoolean()).as(theft).isTrue();
        }
        assertThat(check.path("evidence").toString())
                .contains("401 invalid_grant (dpop_key_mismatch)", "401 invalid_grant (revoked)")
                .contains("with a proof of another key ", "without a proof");
        assertThat(check.path("conclusion").asText()).startsWith("Both thieves presenting the rotated refresh token inside"
                + " the grace window were refused with no token (2× 401 invalid_grant (dpop_key_mismatch))");
    }

    @Test
    void stormWithDPoPForcesNoUserOutWithBoundSessions() throws IOException {
        ReproRun run = repro("storm", "--dpop", "--users", "30", "--devices", "2", "--seed", "11", "--concurrency", "16",
                "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("dpop").asBoolean()).isTrue();
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":60}"); // grace replay for the key's holder
        assertThat(report.path("evidence").toString()).contains("sharing its refresh token and its DPoP key");
    }

    @Test
    void benchWithDPoPFollowsRotationOnBoundSessions() throws IOException {
        ReproRun run = repro("bench", "--dpop", "--clients", "2", "--warmup", "0", "--duration", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("dpop").asBoolean()).isTrue();
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("refreshes").asInt()).isPositive();
    }
}
