package com.nexustrade.repro.replica;

import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Staging runs https with self-signed certificates: the raw-socket probes must get through TLS too. */
class TlsReplicaTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        replica = IncidentReplica.racyOverTls(SelfSignedCertificate.serverContext(directory));
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    @Test
    void insecureReachesTheSelfSignedReplicaAndTheRawSocketProbesFindTheBypass() {
        ReproRun run = ReproRun.of("service-auth", "--base-url", replica.baseUrl(), "--insecure");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("repro ").contains("against https://127.0.0.1:")
                .contains("> empty: POST /auth/service_auth with X-Internal-Service: \"\"")
                .contains("(raw socket)\n    < 200 in ")
                .contains("empty (200 with access_token)");
    }

    @Test
    void stormOverTheSocketSpeaksTlsToo() throws Exception {
        ReproRun run = ReproRun.of("storm", "--base-url", replica.baseUrl(), "--insecure", "--password", IncidentReplica.PASSWORD,
                "--users", "10", "--devices", "2", "--concurrency", "8", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.path("http_client").asText()).isEqualTo("socket");
        assertThat(report.path("transport_errors").asInt()).isZero();
        assertThat(report.path("forced_logouts").asInt()).isPositive();
    }

    @Test
    void selfSignedCertificateWithoutInsecureExits2AndSuggestsIt() {
        ReproRun run = ReproRun.of("service-auth", "--base-url", replica.baseUrl());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("repro: Cannot reach " + replica.baseUrl() + ": the TLS handshake failed (")
                .contains("for a self-signed staging certificate add --insecure.");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
