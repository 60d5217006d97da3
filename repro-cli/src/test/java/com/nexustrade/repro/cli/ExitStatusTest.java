package com.nexustrade.repro.cli;

import com.nexustrade.repro.ReproRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit 2 means "could not run", always with one sentence on stderr and never a stack trace. */
class ExitStatusTest {

    private static void assertOneSentence(ReproRun run, String start) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(start).endsWith(System.lineSeparator())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    /** A port that was free a moment ago: nothing listens on it. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void unreachableTargetExits2WithOneSentence() throws IOException {
        int port = closedPort();
        ReproRun run = ReproRun.of("all", "--base-url", "http://127.0.0.1:" + port, "--password", "x");

        assertOneSentence(run, "repro: Cannot reach http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void unreachableTargetExits2ForServiceAuthTooWhichNeedsNoPassword() throws IOException {
        int port = closedPort();
        ReproRun run = ReproRun.of("--base-url", "http://127.0.0.1:" + port, "service-auth");

        assertOneSentence(run, "repro: Cannot reach http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void unknownOptionExits2() {
        assertOneSentence(ReproRun.of("all", "--bogus"), "repro: Unknown option: '--bogus' (see 'repro all --help').");
    }

    @Test
    void unknownFormatExits2() {
        assertOneSentence(ReproRun.of("claims", "--format", "xml"), "repro: Invalid value for option '--format'");
    }

    @Test
    void zeroParallelCallersExits2() {
        assertOneSentence(ReproRun.of("concurrent-refresh", "--parallel", "0", "--password", "x"),
                "repro: --parallel must be between 1 and 200, not 0");
    }

    @Test
    void zeroStormUsersExits2BeforeAnyLogin() {
        assertOneSentence(ReproRun.of("storm", "--users", "0", "--password", "x"),
                "repro: --users must be between 1 and 1000000, not 0");
    }

    @Test
    void unreachableTargetExits2ForStormAtItsFirstLogin() throws IOException {
        int port = closedPort();
        ReproRun run = ReproRun.of("storm", "--base-url", "http://127.0.0.1:" + port, "--password", "x", "--users", "3");

        assertOneSentence(run, "repro: Cannot reach http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void tokenEndpointWithoutTheOauth2ProfileExits2() {
        assertOneSentence(ReproRun.of("claims", "--password", "x", "--token-endpoint", "http://127.0.0.1:1/token"),
                "repro: --token-endpoint needs --profile oauth2");
    }

    @Test
    void clientSecretEnvNamingAnUnsetVariableExits2() {
        assertOneSentence(ReproRun.of("claims", "--password", "x", "--profile", "oauth2", "--client-id", "app",
                "--client-secret-env", "NO_SUCH_SECRET"), "repro: --client-secret-env names $NO_SUCH_SECRET, which is not set");
    }

    @Test
    void missingCommandExits2() {
        assertOneSentence(ReproRun.of(), "repro: Missing command: choose concurrent-refresh, claims, service-auth, stolen-token, all, storm or bench");
    }

    @Test
    void malformedHeaderExits2() {
        assertOneSentence(ReproRun.of("claims", "--header", "no colon here"), "repro: Invalid value for option '--header'");
    }

    @Test
    void malformedBaseUrlExits2() {
        assertOneSentence(ReproRun.of("claims", "--base-url", "localhost:8080", "--password", "x"),
                "repro: --base-url 'localhost:8080' is not an http:// or https:// URL with a host");
    }

    @Test
    void missingPasswordExits2AndNamesTheVariable() {
        assertOneSentence(ReproRun.withEnvironment(Map.of(), "claims"),
                "repro: No password for trader1: set $REPRO_PASSWORD, or name another variable with --password-env VAR");
    }

    @Test
    void passwordEnvNamingAnUnsetVariableExits2() {
        assertOneSentence(ReproRun.withEnvironment(Map.of(), "claims", "--password-env", "QA_PASSWORD"),
                "repro: No password for trader1: set $QA_PASSWORD");
    }

    @Test
    void passwordAndPasswordEnvTogetherExit2() {
        assertOneSentence(ReproRun.of("claims", "--password", "x", "--password-env", "QA_PASSWORD"),
                "repro: Give either --password or --password-env, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench", "storm"})
    void loadHelpSaysWhichHttpClientIsTheDefault(String command) {
        String help = ReproRun.of(command, "--help").out().replaceAll("\\s+", " "); // picocli wraps the lines
        assertThat(help).contains("--http-client=jdk|socket", "(default: socket)");
    }

    @Test
    void versionAndHelpExit0OnEveryCommand() {
        assertThat(ReproRun.of("--version").out()).startsWith("repro 1.").containsPattern("\\(commit [0-9a-f]{7,}[;)]");
        for (String command : new String[] {"concurrent-refresh", "claims", "service-auth", "all", "storm", "bench"}) {
            ReproRun help = ReproRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: repro " + command);
            assertThat(ReproRun.of(command, "--version").exitCode()).isZero();
        }
    }
}
