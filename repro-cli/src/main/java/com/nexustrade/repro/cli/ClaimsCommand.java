package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ClaimsCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "claims",
        description = {
            "The incident's token claims test: log in, decode the access token, check the --require claims and "
                    + "--expect-roles, report alg, kid and typ, and verify the signature against the JWKS when there is one."})
public class ClaimsCommand extends CheckCommand {

    @Mixin
    ClaimsOptions options;

    @Override
    List<Check> checks(Session session) {
        return List.of(new ClaimsCheck(session.client(), session.login(), options.settings()));
    }
}
