package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.load.StormCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

@Command(name = "storm",
        description = {
            "Market open, simulated: --users sessions (logged in before the clock starts), --devices per user sharing "
                    + "its refresh token, all waking at random within --window and following the mobile app's policy: "
                    + "refresh; on a refusal retry immediately up to --retries times; then the user is forced out.",
            "Reports the users forced out and their rate, the status counts, latency percentiles, throughput and "
                    + "transport errors. Fails when any user was forced out or any device got no answer."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no user was forced out",
            "1:at least one user was forced out (the incident reproduces), or a device got no answer",
            "2:the tool could not run: bad arguments, target unreachable, login refused"})
public class StormCommand extends LoadCommand {

    @Option(names = "--users", paramLabel = "N", defaultValue = "100",
            description = "Sessions, one login each (default: ${DEFAULT-VALUE}). The same user may log in N times: each login is its own session.")
    int users;

    @Option(names = "--devices", paramLabel = "D", defaultValue = "2",
            description = "Devices per user sharing that session's refresh token: phone, tablet (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--retries", paramLabel = "R", defaultValue = "3",
            description = "Immediate retries after a refusal before the app logs the user out (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1",
            description = "Every device wakes at a random moment within this many seconds (default: ${DEFAULT-VALUE}).")
    double windowSeconds;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the wake-up times, to replay a storm exactly (default: random, shown in the report).")
    Long seed;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "256",
            description = "Requests in flight at most: as many workers, each sending one device's refreshes at a time; "
                    + "a device waking while all are busy waits for one (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "120",
            description = "The storm stops after this many seconds; devices still waiting count as transport errors (default: ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Override
    List<Check> checks(Session session) {
        AuthClient client = loadClient(session);
        StormCheck.Settings settings = settings();
        return List.of(new StormCheck(client, session.login(client), session.redactor(), settings,
                progress()));
    }

    private StormCheck.Settings settings() {
        require(users >= 1 && users <= 1_000_000, "--users must be between 1 and 1000000, not " + users);
        require(devices >= 1 && devices <= 100, "--devices must be between 1 and 100, not " + devices);
        require(retries >= 0 && retries <= 100, "--retries must be between 0 and 100, not " + retries);
        require(windowSeconds >= 0 && windowSeconds <= 3600, "--window must be between 0 and 3600 seconds, not " + windowSeconds);
        require(concurrency >= 1 && concurrency <= 10_000, "--concurrency must be between 1 and 10000, not " + concurrency);
        require(deadlineSeconds >= 1 && deadlineSeconds <= 3600, "--deadline must be between 1 and 3600 seconds, not " + deadlineSeconds);
        return new StormCheck.Settings(users, devices, Duration.ofNanos((long) (windowSeconds * 1e9)), retries,
                seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000), concurrency,
                Duration.ofSeconds(deadlineSeconds), loginParallel, transport());
    }
}
