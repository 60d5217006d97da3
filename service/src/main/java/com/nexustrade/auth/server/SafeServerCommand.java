package com.nexustrade.auth.server;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.config.UnsafeConfigurationException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code server}, except that a refused configuration prints its one sentence instead of a stack trace. */
public final class SafeServerCommand extends ServerCommand<AuthConfiguration> {

    public SafeServerCommand(Application<AuthConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof UnsafeConfigurationException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            cli.getStdErr().println(cause.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
