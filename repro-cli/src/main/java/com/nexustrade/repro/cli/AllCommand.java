package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ClaimsCheck;
import com.nexustrade.repro.checks.ConcurrentRefreshCheck;
import com.nexustrade.repro.checks.ServiceAuthCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;

@Command(name = "all",
        description = {"concurrent-refresh, claims and service-auth, in one report: the CI gate.",
            "With --profile oauth2, concurrent-refresh and claims (service-auth is our own API; the report says so)."},
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
        List<Check> checks = new ArrayList<>(List.of(
                new ConcurrentRefreshCheck(session.client(), session.login(), session.redactor(),
                        concurrentRefresh.settings(spec.commandLine())),
                new ClaimsCheck(session.client(), session.login(), claims.settings())));
        if (!standardOnly(session)) {
            checks.add(new ServiceAuthCheck(session.client(), session.redactor(),
                    serviceAuth.settings(spec.commandLine(), repro.environment())));
        }
        return checks;
    }

    @Override
    List<String> notes(Session session) {
        List<String> notes = new ArrayList<>(super.notes(session));
        if (standardOnly(session)) {
            notes.add("service-auth not run: X-Internal-Service is our own header, which an RFC 6749 server does not have"
                    + " (its services use grant_type=client_credentials)");
        }
        return notes;
    }

    private static boolean standardOnly(Session session) {
        return !session.target().api().hasServiceAuth();
    }
}
