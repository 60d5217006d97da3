package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ConcurrentRefreshCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "concurrent-refresh",
        description = {
            "The incident's reproduction step 1 plus the mobile app's retry loop. Per round: log in, refresh one token "
                    + "from --parallel callers released together, replay the old token --retries times, then use every "
                    + "refresh token handed out once.",
            "Passes only if every answer is 200 and every successor works; reports how many distinct successors the callers got."})
public class ConcurrentRefreshCommand extends CheckCommand {

    @Mixin
    ConcurrentRefreshOptions options;

    @Override
    List<Check> checks(Session session) {
        return List.of(new ConcurrentRefreshCheck(session.client(), session.login(), session.redactor(),
                options.settings(spec.commandLine())));
    }
}
