package com.nexustrade.repro.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.ReproRun;
import com.nexustrade.repro.replica.IncidentReplica;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What users of command-line tools expect: shell completion, and a progress line whenever stderr is a terminal. */
class ConventionsTest {

    @Test
    void generateCompletionPrintsABashAndZshScriptForEveryCommand() {
        ReproRun run = ReproRun.of("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_repro", "concurrent-refresh", "storm", "bench", "--http-client");
    }

    /** stdout is captured, as a redirect or a pipe would take it: the progress line still goes to the terminal. */
    @Test
    void progressLineGoesToStandardErrorOnATerminalEvenWhenStandardOutputIsCaptured() throws Exception {
        try (IncidentReplica replica = IncidentReplica.racy()) {
            ReproRun run = ReproRun.onTerminal("storm", "--base-url", replica.baseUrl(), "--password", IncidentReplica.PASSWORD,
                    "--users", "4", "--devices", "2", "--concurrency", "4", "--format", "json");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("\rlogging in: ", "\rstorm: ").doesNotContain("\n");
            assertThat(new ObjectMapper().readTree(run.out()).path("users").asInt()).isEqualTo(4); // stdout holds the report only
        }
    }
}
