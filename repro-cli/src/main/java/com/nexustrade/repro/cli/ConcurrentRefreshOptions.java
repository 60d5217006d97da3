package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.ConcurrentRefreshCheck;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the concurrent-refresh check, shared by its own command and by all. */
public class ConcurrentRefreshOptions {

    private static final int MAX_PARALLEL = 200;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3",
            description = "Callers refreshing the same token at once: phone, tablet, ... (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--retries", paramLabel = "R", defaultValue = "3",
            description = "Times the old token is replayed afterwards, as the mobile app retries a 401 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rounds", paramLabel = "K", defaultValue = "5",
            description = "Rounds, each with a fresh login: a race may hide in one round (default: ${DEFAULT-VALUE}).")
    int rounds;

    ConcurrentRefreshCheck.Settings settings(CommandLine commandLine) {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new ParameterException(commandLine, "--parallel must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        if (retries < 0) {
            throw new ParameterException(commandLine, "--retries must be 0 or more, not " + retries);
        }
        if (rounds < 1) {
            throw new ParameterException(commandLine, "--rounds must be at least 1, not " + rounds);
        }
        return new ConcurrentRefreshCheck.Settings(parallel, retries, rounds);
    }
}
