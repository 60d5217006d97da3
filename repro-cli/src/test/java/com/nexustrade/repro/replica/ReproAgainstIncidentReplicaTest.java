package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check must find the incident in its replica: exit 1, a FAIL, and the incident's own evidence. */
class ReproAgainstIncidentReplicaTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start() {
        replica = IncidentReplica.racy();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    private static ReproRun repro(String... args) {
        List<String> all = new ArrayList<>(List.of("--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD));
        all.addAll(List.of(args));
        return ReproRun.of(all.toArray(String[]::new));
    }

    @Test
    void concurrentRefreshFailsBecauseRetriesOfTheOldTokenAreRevokedAndSuccessorsAreLost() {
        ReproRun run = repro("concurrent-refresh", "--rounds", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("FAIL concurrent-refresh")
                .contains("6 of 6 retries of the old token (the app's retry loop) got 401 invalid_grant (revoked)")
                .contains("\"reason\":\"revoked\"")
                .contains("the incident reproduces (each of those callers would be logged out)")
                .contains("1 of 1 check failed: incident 04 reproduces at " + replica.baseUrl() + ".");
    }

    @Test
    void claimsFailsBecauseTheTokenHasNoRolesPermissionsOrTenantButTheSignatureVerifies() {
        ReproRun run = repro("claims");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL claims")
                .contains("The access token has no roles, permissions or tenant_id claim: the incident reproduces"
                        + " (downstream services answer 403 Forbidden).")
                .contains("JWT header  {\"alg\":\"ES256\"", "\"kid\":\"replica-key-1\"")
                .contains("JWT payload {\"sub\":\"user-trader1\"")
                .contains("signature verified (ES256, EC P-256 key, kid replica-key-1)")
                .contains("typ is JWT; the contract says at+jwt");
    }

    @Test
    void serviceAuthFailsBecauseEmptyBlankRepeatedAndUnknownHeadersGetATokenWhileMissingIsRefused() {
        ReproRun run = repro("service-auth");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL service-auth")
                .contains("6 of 7 bad X-Internal-Service requests were not refused: empty (200 with access_token), "
                        + "blank (200 with access_token), tab (200 with access_token), non-breaking space (200 with access_token), "
                        + "repeated (200 with access_token), unknown (200 with access_token): the incident reproduces")
                .contains("> empty: POST /auth/service_auth with X-Internal-Service: \"\"")
                .contains("> non-breaking space: POST /auth/service_auth with X-Internal-Service: \"\\u00a0\"")
                .contains("> missing: POST /auth/service_auth with X-Internal-Service-Secret: (a made-up secret)")
                .contains("< 401 invalid_client");
    }

    @Test
    void allReportsThreeFailedChecksAndExits1() {
        ReproRun run = repro("all", "--rounds", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL concurrent-refresh", "FAIL claims", "FAIL service-auth")
                .contains("3 of 3 checks failed: incident 04 reproduces at " + replica.baseUrl() + ".");
    }

    @Test
    void jsonReportParsesAndCarriesEachVerdictWithItsEvidence() throws Exception {
        ReproRun run = repro("all", "--rounds", "1", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("passed").asBoolean(true)).isFalse();
        assertThat(report.path("exit_code").asInt()).isEqualTo(1);
        assertThat(report.path("checks").findValuesAsText("name")).containsExactly("concurrent-refresh", "claims", "service-auth");
        assertThat(report.path("checks").findValues("passed")).allMatch(passed -> !passed.asBoolean());
        JsonNode claims = report.path("checks").get(1);
        assertThat(claims.path("facts").path("missing_claims").toString()).isEqualTo("[\"roles\",\"permissions\",\"tenant_id\"]");
        assertThat(claims.path("facts").path("alg").asText()).isEqualTo("ES256");
        assertThat(claims.path("evidence").size()).isGreaterThan(3);
    }

    @Test
    void junitReportParsesWithOneFailedTestcasePerCheckAndTheEvidenceInTheFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("repro.xml");
        ReproRun run = repro("all", "--rounds", "1", "--format", "junit", "--output", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL claims"); // the text report still goes to the console
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element claims = (Element) cases.item(1);
        assertThat(claims.getAttribute("name")).isEqualTo("claims");
        Element failure = (Element) claims.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("The access token has no roles, permissions or tenant_id claim");
        assertThat(failure.getTextContent()).contains("> POST /auth/login", "JWT payload");
    }

    @Test
    void tokensAreRedactedUnlessShowTokensIsGiven() {
        int before = replica.issuedTokens().size();
        ReproRun hidden = repro("all", "--rounds", "1", "--format", "json");
        List<String> issued = replica.issuedTokens().subList(before, replica.issuedTokens().size());

        assertThat(issued).isNotEmpty();
        assertThat(issued).allSatisfy(token -> assertThat(hidden.out()).doesNotContain(token));

        int again = replica.issuedTokens().size();
        ReproRun shown = repro("claims", "--show-tokens");
        String accessToken = replica.issuedTokens().get(again);
        assertThat(shown.out()).contains(accessToken);
    }

    @Test
    void wrongPasswordIsALoginRefusedWhichExits2WithOneSentence() {
        ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", "wrong");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("repro: Login as trader1 at " + replica.baseUrl() + "/auth/login was refused: "
                + "401 invalid_credentials").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void extraHeadersReachTheServerAndAreNotEchoedInTheReport() {
        ReproRun run = repro("all", "--rounds", "1", "--header", "X-Api-Key: gateway-key-123");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(replica.seenHeaders()).contains("X-api-key: [gateway-key-123]");
        assertThat(run.out()).doesNotContain("gateway-key-123"); // gateway keys are secrets too: not echoed
    }

    @Test
    void overriddenJwksPathThatAnswers404MeansNoJwksAndOnlyTheMissingClaimsFail() {
        ReproRun run = repro("claims", "--jwks-path", "/keys/none.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("> GET /keys/none.json", "< 404", "no JWKS: signature not verified")
                .doesNotContain("signature verified");
    }

    @Test
    void overriddenLoginPathIsUsedAndA404ThereIsALoginRefused() {
        ReproRun run = repro("claims", "--login-path", "/api/v2/login");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("repro: Login as trader1 at " + replica.baseUrl() + "/api/v2/login was refused: 404");
    }
}
