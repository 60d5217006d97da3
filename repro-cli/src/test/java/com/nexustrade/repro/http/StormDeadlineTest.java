package com.nexustrade.repro.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm worker waiting for an answer cannot be woken, whichever transport it sends over: the storm must still end
 * at --deadline, count the device as unanswered, and not count the answer that comes after. Here it lives beside
 * {@link ScriptedServer}, which holds the refresh until the report is out.
 */
class StormDeadlineTest {

    @ParameterizedTest
    @ValueSource(strings = {"socket", "jdk"})
    void deviceStillWaitingAtTheDeadlineGetsNoAnswerAndTheLateAnswerIsNotCounted(String httpClient) throws Exception {
        CountDownLatch reportOut = new CountDownLatch(1);
        ScriptedServer.Script login = connection -> {
            connection.read();
            String pair = "{\"access_token\":\"at\",\"refresh_token\":\"rt\"}";
            connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                    + pair.length() + "\r\n\r\n" + pair);
        };
        ScriptedServer.Script heldRefresh = connection -> {
            connection.read();
            reportOut.await();
            connection.answer("{\"access_token\":\"at2\",\"refresh_token\":\"rt2\"}");
        };
        try (ScriptedServer server = new ScriptedServer(login, heldRefresh)) {
            // --timeout is far beyond the deadline: a storm that waited for the answer would end by the timeout instead
            ReproRun run = ReproRun.of("storm", "--base-url", server.baseUrl(), "--password", "x", "--users", "1",
                    "--devices", "1", "--window", "0", "--deadline", "1", "--timeout", "30", "--http-client", httpClient,
                    "--format", "json");
            reportOut.countDown();

            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("conclusion").asText())
                    .startsWith("1 of 1 devices got no answer (1× no answer before the 1 s deadline)");
            assertThat(report.path("transport_errors").asInt()).isEqualTo(1);
            assertThat(report.path("status_counts").toString()).isEqualTo("{}");
            assertThat(report.path("latency_ms").path("max").asDouble()).isZero();
            assertThat(report.path("forced_logouts").asInt()).isZero();
            assertThat(report.path("http_client").asText()).isEqualTo(httpClient);
            // the login, then the refresh once: never sent again after the deadline
            assertThat(server.bodies()).hasSize(2).endsWith("{\"refresh_token\":\"rt\"}");
        }
    }
}
