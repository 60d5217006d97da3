package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.load.BenchCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

@Command(name = "bench",
        description = {
            "Steady refresh load following rotation: --clients workers, each on its own session, each refreshing with "
                    + "the token it got last, back to back, for --warmup seconds (not counted) then --duration seconds.",
            "Reports refreshes/s, latency percentiles and non-200 counts. Fails when any refresh failed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every refresh got 200",
            "1:at least one refresh failed",
            "2:the tool could not run: bad arguments, target unreachable, login refused"})
public class BenchCommand extends LoadCommand {

    @Option(names = "--clients", paramLabel = "C", defaultValue = "16",
            description = "Workers, each with its own session (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds measured (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds of load before the measurement, for the JIT and connection pools (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Override
    List<Check> checks(Session session) {
        AuthClient client = loadClient(session);
        BenchCheck.Settings settings = settings();
        return List.of(new BenchCheck(client, session.login(client), session.redactor(), settings,
                progress()));
    }

    private BenchCheck.Settings settings() {
        require(clients >= 1 && clients <= 1024, "--clients must be between 1 and 1024, not " + clients);
        require(durationSeconds >= 1 && durationSeconds <= 3600, "--duration must be between 1 and 3600 seconds, not " + durationSeconds);
        require(warmupSeconds >= 0 && warmupSeconds <= 600, "--warmup must be between 0 and 600 seconds, not " + warmupSeconds);
        return new BenchCheck.Settings(clients, Duration.ofSeconds(durationSeconds), Duration.ofSeconds(warmupSeconds),
                loginParallel, transport());
    }
}
