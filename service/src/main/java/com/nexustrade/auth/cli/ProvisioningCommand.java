package com.nexustrade.auth.cli;

import com.codahale.metrics.MetricRegistry;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.db.SchemaMigrator;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.time.Clock;

/** A command that writes users or services straight into the configured database, migrating it first. */
abstract class ProvisioningCommand extends ConfiguredCommand<AuthConfiguration> {

    protected ProvisioningCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<AuthConfiguration> bootstrap, Namespace namespace,
                             AuthConfiguration configuration) throws Exception {
        SchemaMigrator.migrate(configuration.getDatabase());
        ManagedDataSource dataSource = configuration.getDatabase().build(new MetricRegistry(), "provisioning");
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            provision(namespace, new Provisioning(jdbi, new PasswordHasher(), Clock.systemUTC()));
        } finally {
            dataSource.stop();
        }
    }

    protected abstract void provision(Namespace namespace, Provisioning provisioning) throws Exception;

    /** A wrong argument is the operator's to fix: one sentence, no stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println(getName() + ": " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
