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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of the oauth2 profile against the service's standard token endpoint, /oauth2/token, with the
 * password grant turned on for the test: the profile must find what the contract profile finds.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReproOAuth2ProfileAgainstServiceTest {

    private static final DropwizardAppExtension<AuthConfiguration> SERVICE = ServiceUnderTest.extension("repro-oauth2",
            ConfigOverride.config("oauth2.passwordGrantEnabled", "true"));

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "REPRO_PASSWORD", "trader1-repro-test-password",
            "ORDERS_SECRET", "orders-repro-test-secret",
            "WRONG_SECRET", "not-the-orders-secret");

    private static String baseUrl() {
        return ServiceUnderTest.baseUrl(SERVICE);
    }

    private static ReproRun oauth2(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", baseUrl(), "--profile", "oauth2"));
        if (!all.contains("--client-id")) {
            all.addAll(List.of("--client-id", "mobile-app")); // the mobile app: a public client, no secret
        }
        return ReproRun.withEnvironment(ENVIRONMENT, all.toArray(String[]::new));
    }

    @Test
    void allRunsConcurrentRefreshAndClaimsAtTheTokenEndpointAndBothPass() {
        ReproRun run = oauth2("all");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("note: profile oauth2: token endpoint " + baseUrl() + "/oauth2/token, client mobile-app (public)")
                .contains("note: service-auth not run: X-Internal-Service is our own header")
                .contains("PASS concurrent-refresh", "PASS claims", "PASS stolen-token").doesNotContain("service-auth (")
                .contains("> POST /oauth2/token grant_type=password&username=trader1&password=(hidden)&client_id=mobile-app")
                .contains("> 3× POST /oauth2/token grant_type=refresh_token&refresh_token=")
                .contains("callers got 1 distinct successor per round, and every successor works")
                .contains("with roles [admin, trader]", "signature verified (ES256")
                .contains("All 3 checks passed");
    }

    /** The mobile app's way: a public client binding its sessions, every check at the token endpoint with proofs. */
    @Test
    void allWithDPoPPassesAtTheTokenEndpointWithBoundSessions() {
        ReproRun run = oauth2("all", "--dpop", "--rounds", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PASS concurrent-refresh", "PASS claims", "PASS stolen-token")
                .contains("grant_type=password&username=trader1&password=(hidden)&client_id=mobile-app with a DPoP proof of key ")
                .contains("token_type DPoP", "bound to the login's DPoP key (cnf.jkt ")
                .contains("proofs name htu http://nexus-auth.repro-test/oauth2/token (the target's name for itself in its metadata)")
                .contains("400 invalid_grant (dpop_key_mismatch)")
                .contains("All 3 checks passed");
    }

    @Test
    void stormWithDPoPAtTheTokenEndpointForcesNoUserOut() throws IOException {
        ReproRun run = oauth2("storm", "--dpop", "--users", "20", "--devices", "2", "--seed", "5", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("dpop").asBoolean()).isTrue();
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":40}");
    }

    @Test
    void confidentialClientAuthenticatesByHttpBasicAndPasses() {
        ReproRun run = oauth2("concurrent-refresh", "--rounds", "2", "--client-id", "orders", "--client-secret-env", "ORDERS_SECRET");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("client orders (confidential, HTTP Basic)", "(client orders authenticated by HTTP Basic)")
                .doesNotContain("orders-repro-test-secret");
    }

    @Test
    void wrongClientSecretIsALoginRefusedSoTheToolCannotRunAndExits2() {
        ReproRun run = oauth2("concurrent-refresh", "--rounds", "1", "--client-id", "orders", "--client-secret-env", "WRONG_SECRET");

        // The token endpoint authenticates the client on the password grant too (RFC 6749 §4.3.2), so a wrong
        // secret is refused at login: docs/repro.md (Exit codes) makes "login refused" exit 2, not a verdict on the deployment.
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Login as trader1 at " + baseUrl() + "/oauth2/token was refused: 401 invalid_client")
                .doesNotContain("not-the-orders-secret");
        assertThat(run.out()).doesNotContain("PASS", "FAIL");
    }

    @Test
    void rolesClaimPathIsWhereTheRolesAreLookedFor() {
        ReproRun run = oauth2("claims", "--roles-claim", "realm_access.roles");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("The access token has no realm_access.roles claim, so it lacks admin, trader");
    }

    @Test
    void stormAtTheTokenEndpointForcesNoUserOut() throws IOException {
        ReproRun run = oauth2("storm", "--users", "30", "--devices", "2", "--seed", "5", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("forced_logouts").asInt()).isZero();
        assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":60}");
    }

    @Test
    void benchAtTheTokenEndpointFollowsRotationWithoutFailures() throws IOException {
        ReproRun run = oauth2("bench", "--clients", "2", "--warmup", "0", "--duration", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("http_client").asText()).isEqualTo("socket");
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("refreshes").asInt()).isPositive();
    }

    @Test
    void benchOfAConfidentialClientAuthenticatesEveryRefreshByHttpBasicOverTheSocket() throws IOException {
        ReproRun run = oauth2("bench", "--clients", "2", "--warmup", "0", "--duration", "1", "--format", "json",
                "--client-id", "orders", "--client-secret-env", "ORDERS_SECRET");

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("http_client").asText()).isEqualTo("socket");
        assertThat(report.path("failed_refreshes").asInt()).isZero();
        assertThat(report.path("refreshes").asInt()).isPositive();
        assertThat(run.out()).contains("(client orders authenticated by HTTP Basic)").doesNotContain("orders-repro-test-secret");
    }

    @Test
    void serviceAuthHasNoMeaningInTheProfileAndExits2() {
        ReproRun run = oauth2("service-auth");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("repro: service-auth tests our own X-Internal-Service header");
    }
}
