package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ClaimsCheck;
import com.nexustrade.repro.checks.ConcurrentRefreshCheck;
import com.nexustrade.repro.checks.ServiceAuthCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "all",
        description = {"concurrent-refresh, claims and service-auth, in one report: the CI gate."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every check passed: the incident does not reproduce",
            "1:at least one check failed: the incident reproduces",
            "2:the tool could not run: bad arguments, target unreachable, login refused"})
public class AllCommand extends CheckCommand {

    @Mixin
    ConcurrentRefreshOptions concurrentRefresh;

    @Mixin
    ClaimsOptions claims;

    @Mixin
    ServiceAuthOptions serviceAuth;

    @Override
    List<Check> checks(Session session) {
        return List.of(
                new ConcurrentRefreshCheck(session.client(), session.login(), session.redactor(),
                        concurrentRefresh.settings(spec.commandLine())),
                new ClaimsCheck(session.client(), session.login(), claims.settings()),
                new ServiceAuthCheck(session.client(), session.redactor(),
                        serviceAuth.settings(spec.commandLine(), repro.environment())));
    }
}
