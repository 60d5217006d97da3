package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At market open the incident's service revokes every token of the user at each refresh and has no grace:
 * the storm must find users forced out and exit 1. Small sizes: the figures, not the scale, are under test.
 */
class StormAgainstIncidentReplicaTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start() {
        replica = IncidentReplica.racy();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    /** The replica serves 16 requests at a time with a backlog of 50, so the storm keeps within that. */
    private static ReproRun storm(String... args) {
        return storm(16, args);
    }

    private static ReproRun storm(int concurrency, String... args) {
        List<String> all = new ArrayList<>(List.of("storm", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--users", "20", "--devices", "2", "--window", "0.3", "--seed", "7", "--concurrency", String.valueOf(concurrency)));
        all.addAll(List.of(args));
        return ReproRun.of(all.toArray(String[]::new));
    }

    @Test
    void usersAreForcedOutAfterTheirRetriesAreRefusedAndTheStormExits1() throws Exception {
        ReproRun run = storm("--format", "json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).isEmpty(); // no progress line when standard error is not a terminal
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("users").asInt()).isEqualTo(20);
        assertThat(report.path("devices").asInt()).isEqualTo(40);
        int forced = report.path("forced_logouts").asInt();
        assertThat(forced).isBetween(1, 20);
        assertThat(report.path("forced_logout_rate").asDouble()).isEqualTo(forced / 20.0);
        assertThat(report.path("status_counts").path("401").asInt())
                .isGreaterThanOrEqualTo(4 * report.path("devices_forced_out").asInt()); // each forced-out device: 1 + 3 refusals
        assertThat(report.path("latency_ms").path("p99").asDouble()).isPositive();
        assertThat(report.path("latency_ms").path("max").asDouble())
                .isGreaterThanOrEqualTo(report.path("latency_ms").path("p50").asDouble());
        assertThat(report.path("throughput_rps").asDouble()).isPositive();
        assertThat(report.path("transport_errors").asInt()).isZero();
        assertThat(report.path("passed").asBoolean(true)).isFalse();
        assertThat(report.path("http_client").asText()).isEqualTo("socket"); // the default for an http:// target
    }

    /** The JSON report of a storm over the given client, which must force users out, as it does over either. */
    private static JsonNode forcedOutOver(String httpClient) throws Exception {
        ReproRun run = storm("--http-client", httpClient, "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("forced_logouts").asInt()).isPositive();
        assertThat(report.path("transport_errors").asInt()).isZero();
        assertThat(report.path("http_client").asText()).isEqualTo(httpClient);
        return report;
    }

    @Test
    void overTheSocketEachWorkerKeepsOneConnectionAndUsersAreStillForcedOut() throws Exception {
        JsonNode report = forcedOutOver("socket");

        // 16 workers at most, each on its keep-alive connection: far fewer than the refreshes sent
        assertThat(report.path("connections_opened").asInt()).isBetween(1, 16);
        assertThat(report.path("connections_found_closed").asInt()).isZero();
        assertThat(report.path("evidence").toString()).contains("HTTP client: socket (one HTTP/1.1 keep-alive connection per worker): "
                + report.path("connections_opened").asInt() + " connections opened, 0 found closed by the server and replaced"
                + " before a refresh went out on them; no refresh sent twice");
    }

    /**
     * Every session is trader1's, and the replica revokes all of a user's tokens at each refresh: with one request in
     * flight at a time, the first refresh is the only one that works, and every other device is refused 4 times.
     */
    @Test
    void concurrencyOneSendsOneRefreshAtATimeOverOneConnection() throws Exception {
        ReproRun run = storm(1, "--http-client", "socket", "--format", "json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("connections_opened").asInt()).isEqualTo(1);
        assertThat(report.path("forced_logouts").asInt()).isEqualTo(20);
        assertThat(report.path("devices_forced_out").asInt()).isEqualTo(39);
        assertThat(report.path("status_counts").toString()).isEqualTo("{\"200\":1,\"401\":156}");
    }

    @Test
    void overTheJdkClientUsersAreForcedOutAndTheReportSaysWhichClient() throws Exception {
        JsonNode report = forcedOutOver("jdk");

        assertThat(report.has("connections_opened")).isFalse();
        assertThat(report.has("connections_found_closed")).isFalse();
        assertThat(report.path("evidence").toString())
                .contains("HTTP client: jdk (java.net.http.HttpClient, HTTP/1.1, its own connection pool; no refresh sent twice)");
    }

    @Test
    void textReportSaysWhoWasForcedOutAndWhatTheServerAnswered() {
        ReproRun run = storm("--retries", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL storm")
                .containsPattern("\\d+ of 20 users \\(\\d+\\.\\d%\\) were forced out: \\d+ of 40 devices were refused 2 times in a row"
                        + " \\(\\d+× 401 invalid_grant \\(revoked\\)\\): the incident reproduces")
                .contains("--seed 7", "\"reason\":\"revoked\"", "latency per request, from its send: p50 ",
                        "wake-up to final answer, waiting for a slot and retries included: p50 ");
    }

    @Test
    void junitReportHasOneFailedTestcase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storm.xml");
        ReproRun run = storm("--format", "junit", "--output", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo("storm");
        assertThat(Files.readString(file)).contains("were forced out");
    }
}
