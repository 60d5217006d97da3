package com.nexustrade.repro.cli;

import com.nexustrade.repro.Repro;
import com.nexustrade.repro.checks.Credentials;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.Target;
import com.nexustrade.repro.report.Redactor;
import picocli.CommandLine;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the checks of one run share: the client for the target, the redactor, and the login. Credentials are
 * resolved only by commands that log in: service-auth needs no password.
 */
final class Session {

    private final Target target;
    private final String username;
    private final Supplier<Credentials> credentials;
    private final Redactor redactor;
    private final boolean dpop;
    private AuthClient client;

    Session(Target target, String username, Supplier<Credentials> credentials, Redactor redactor, boolean dpop) {
        this.target = target;
        this.username = username;
        this.credentials = credentials;
        this.redactor = redactor;
        this.dpop = dpop;
    }

    static Session of(Repro repro, CommandLine commandLine) {
        TargetOptions options = repro.targetOptions();
        Redactor redactor = repro.reportOptions().showTokens ? Redactor.showingTokens() : Redactor.hidingTokens();
        return new Session(options.target(commandLine, repro.environment()), options.username,
                () -> options.credentials(commandLine, repro.environment()), redactor, options.dpop);
    }

    Target target() {
        return target;
    }

    String username() {
        return username;
    }

    Redactor redactor() {
        return redactor;
    }

    /** Whether every session is bound to a device key of its own (--dpop). */
    boolean dpop() {
        return dpop;
    }

    AuthClient client() {
        if (client == null) {
            client = new AuthClient(target);
        }
        return client;
    }

    Login login() {
        return login(client());
    }

    /** A client of its own whose completions run on the given threads, for load commands. */
    AuthClient client(Executor executor) {
        return new AuthClient(target, executor);
    }

    Login login(AuthClient client) {
        return new Login(client, credentials.get(), redactor, dpop);
    }
}
