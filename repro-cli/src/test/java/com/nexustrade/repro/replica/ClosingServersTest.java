package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident replica behind fronts that close connections as real servers do. Whatever the server does with its
 * connections, the verdict must be the incident's (exit 1), never "could not run" (exit 2), and a refresh must not
 * be lost to a connection the server had announced it would close.
 */
class ClosingServersTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start() {
        replica = IncidentReplica.racy();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    static Stream<Arguments> announcedClosings() {
        return Stream.of(Arguments.of(ClosingFront.Closing.http10()), Arguments.of(ClosingFront.Closing.connectionClose()),
                Arguments.of(ClosingFront.Closing.afterRequests(3)));
    }

    static Stream<Arguments> everyClosing() {
        return Stream.concat(announcedClosings(), Stream.of(Arguments.of(ClosingFront.Closing.idleAfter(Duration.ofMillis(100)))));
    }

    private static ReproRun storm(ClosingFront front, String httpClient) {
        return ReproRun.of("storm", "--base-url", front.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--users", "40", "--devices", "2", "--window", "0.3", "--seed", "7", "--concurrency", "16",
                "--login-parallel", "8", "--http-client", httpClient, "--format", "json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("announcedClosings")
    void stormOverTheSocketForcesUsersOutWithNoTransportErrorAndExits1(ClosingFront.Closing closing) throws Exception {
        try (ClosingFront front = new ClosingFront(replica.baseUrl(), closing)) {
            ReproRun run = storm(front, "socket");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("forced_logouts").asInt()).isPositive();
            assertThat(report.path("transport_errors").asInt()).as(run.out()).isZero();
            assertThat(front.requests()).isGreaterThan(40); // the logins and the refreshes all went through the front
        }
    }

    /**
     * The JDK's client keeps connections an HTTP/1.0 server closed, so some of its refreshes may get no answer; they
     * are reported, never sent again, and the storm still ends with the incident's verdict.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http10", "connection-close"})
    void stormOverTheJdkClientCompletesWithExit1(String closing) throws Exception {
        try (ClosingFront front = new ClosingFront(replica.baseUrl(), ClosingFront.Closing.parse(closing))) {
            ReproRun run = storm(front, "jdk");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("users").asInt()).isEqualTo(40);
            assertThat(report.path("http_client").asText()).isEqualTo("jdk");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyClosing")
    void allFindsEachOfTheIncidentsBugsAndExits1(ClosingFront.Closing closing) {
        try (ClosingFront front = new ClosingFront(replica.baseUrl(), closing)) {
            ReproRun run = ReproRun.of("all", "--base-url", front.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--rounds", "2");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL concurrent-refresh", "FAIL claims", "FAIL service-auth")
                    .contains("retries of the old token (the app's retry loop) got 401 invalid_grant (revoked)")
                    .contains("The access token has no roles, permissions or tenant_id claim")
                    .contains("signature verified (ES256");
        }
    }
}
