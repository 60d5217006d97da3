package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.ServiceAuthCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "service-auth",
        description = {
            "The incident's service-auth bypass test: X-Internal-Service missing, empty, blank, tab, non-breaking "
                    + "space, repeated and unknown (and a wrong secret, given --service-id). Each must be refused with no token.",
            "With --service-id and its secret, also checks that the right credentials get a token. Needs no password."})
public class ServiceAuthCommand extends CheckCommand {

    @Mixin
    ServiceAuthOptions options;

    @Override
    List<Check> checks(Session session) {
        if (!session.target().api().hasServiceAuth()) {
            throw new ParameterException(spec.commandLine(), "service-auth tests our own X-Internal-Service header, "
                    + "which has no meaning in the oauth2 profile");
        }
        return List.of(new ServiceAuthCheck(session.client(), session.redactor(),
                options.settings(spec.commandLine(), repro.environment())));
    }
}
