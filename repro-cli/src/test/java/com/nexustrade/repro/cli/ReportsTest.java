package com.nexustrade.repro.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import com.nexustrade.repro.replica.IncidentReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports CI can read on every exit: an errored testcase or an "error" field on exit 2, Markdown, snake_case JSON. */
class ReportsTest {

    private static IncidentReplica replica;

    @BeforeAll
    static void start() {
        replica = IncidentReplica.racy();
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    /** A port that was free a moment ago: nothing listens on it. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Element suite(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    @Test
    void unreachableTargetLeavesAJunitFileWithOneErroredTestcaseNamingTheCause(@TempDir Path dir) throws Exception {
        int port = closedPort();
        Path file = dir.resolve("reports/repro.xml"); // its directory does not exist yet, its parent does
        ReproRun run = ReproRun.of("all", "--base-url", "http://127.0.0.1:" + port, "--password", "x",
                "--format", "junit", "--output", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("repro: Cannot reach http://127.0.0.1:" + port);
        Element suite = suite(file);
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("all");
        Element error = (Element) testcase.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).startsWith("Cannot reach http://127.0.0.1:" + port + ": connection refused");
        assertThat(error.getAttribute("type")).isEqualTo("CannotRun");
    }

    @Test
    void refusedLoginLeavesAJunitFileWithTheRefusal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("repro.xml");
        ReproRun run = ReproRun.of("storm", "--base-url", replica.baseUrl(), "--password", "wrong", "--users", "2",
                "--format", "junit", "--output", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        Element testcase = (Element) suite(file).getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("storm");
        assertThat(((Element) testcase.getElementsByTagName("error").item(0)).getAttribute("message"))
                .startsWith("Login as trader1 at " + replica.baseUrl() + "/auth/login was refused: 401 invalid_credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"claims", "storm"})
    void jsonOnStandardOutputOfARunThatCouldNotRunHasAnErrorField(String command) throws Exception {
        int port = closedPort();
        ReproRun run = ReproRun.of(command, "--base-url", "http://127.0.0.1:" + port, "--password", "x", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("exit_code").asInt()).isEqualTo(2);
        assertThat(report.path("passed").asBoolean(true)).isFalse();
        assertThat(report.path("command").asText()).isEqualTo(command);
        assertThat(report.path("error").asText()).startsWith("Cannot reach http://127.0.0.1:" + port);
    }

    @Test
    void outputPathThatCannotBeWrittenExits2BeforeAnyRequest(@TempDir Path dir) throws Exception {
        try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path file = dir.resolve("no/such/dir/r.xml");
            ReproRun run = ReproRun.of("all", "--base-url", "http://127.0.0.1:" + target.getLocalPort(), "--password", "x",
                    "--format", "junit", "--output", file.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("repro: Cannot write the report to " + file + ": neither ")
                    .endsWith(" nor its parent exists." + System.lineSeparator());
            assertThat(run.out()).isEmpty();
            assertThat(Files.exists(dir.resolve("no"))).isFalse();
            target.setSoTimeout(200);
            assertThatThrownBy(target::accept).isInstanceOf(SocketTimeoutException.class); // no one ever connected
        }
    }

    @Test
    void markdownReportHasTheVerdictATableAndTheEvidenceOfEachFailure() {
        ReproRun run = ReproRun.of("all", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--rounds", "1", "--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("### repro all: FAILED\n")
                .contains("| check | result | time | conclusion |", "| claims | **FAIL** | ")
                .contains("<details><summary>service-auth: evidence</summary>", "```text\n> missing: POST /auth/service_auth")
                .endsWith("**3 of 3 checks failed: incident 04 reproduces at " + replica.baseUrl() + ".**\n");
    }

    @Test
    void summaryIsAppendedSoEarlierStepsOfTheJobSummaryStay(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        ReproRun run = ReproRun.of("claims", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--summary", summary.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL claims"); // the text report still goes to the log
        assertThat(Files.readString(summary)).startsWith("earlier step\n### repro claims: FAILED\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "storm", "bench"})
    void everyJsonFieldNameIsSnakeCase(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                "--format", "json"));
        args.addAll(switch (command) {
            case "all" -> List.of("--rounds", "1", "--service-id", "orders");
            case "storm" -> List.of("--users", "4", "--concurrency", "4");
            default -> List.of("--clients", "2", "--warmup", "0", "--duration", "1");
        });
        ReproRun run = ReproRun.of(args.toArray(String[]::new));

        List<String> names = new ArrayList<>();
        fieldNames(new ObjectMapper().readTree(run.out()), names);
        assertThat(names).isNotEmpty().allMatch(name -> name.matches("[a-z0-9_]+"), "snake_case");
    }

    private static void fieldNames(JsonNode node, List<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.add(name);
            fieldNames(node.get(name), names);
        }
        node.elements().forEachRemaining(element -> {
            if (node.isArray()) {
                fieldNames(element, names);
            }
        });
    }
}
