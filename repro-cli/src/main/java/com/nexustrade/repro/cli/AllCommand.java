package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ClaimsCheck;
import com.nexustrade.repro.checks.ConcurrentRefreshCheck;
import com.nexustrade.repro.checks.ServiceAuthCheck;
import com.nexustrade.repro.checks.StolenTokenCheck;
import com.nexustrade.repro.http.ServerMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;

@Command(name = "all",
        description = {"concurrent-refresh, claims and service-auth, in one report: the CI gate.",
            "With --profile oauth2, concurrent-refresh and claims (service-auth is our own API; the report says so).",
            "Also stolen-token when the target's metadata (" + ServerMetadata.PATH + ") advertises "
                    + "dpop_signing_alg_values_supported, or with --dpop."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every check passed: the incident does not reproduce",
            "1:at least one check failed: the incident reproduces",
            "2:the tool could not run: bad arguments, target unreachable, login refused, or --dpop against a target "
                    + "without DPoP"})
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
        if (stolenToken(session)) {
            checks.add(new StolenTokenCheck(session.client(), session.login(), session.redactor()));
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
        if (!stolenToken(session)) {
            notes.add("stolen-token not run: the target does not advertise DPoP (no dpop_signing_alg_values_supported at "
                    + ServerMetadata.PATH + "); --dpop runs it");
        }
        return notes;
    }

    /** With --dpop, or when the target says it binds sessions to keys: then a stolen token must be worth nothing. */
    private static boolean stolenToken(Session session) {
        return session.dpop() || session.client().metadata().advertisesDPoP();
    }

    private static boolean standardOnly(Session session) {
        return !session.target().api().hasServiceAuth();
    }
}
