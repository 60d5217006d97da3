package com.nexustrade.auth.cli;

import com.nexustrade.auth.core.Provisioning;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.util.Arrays;
import java.util.List;

/** {@code java -jar auth-service.jar add-user --username u --email e --roles trader --tenant t config.yml}; password on stdin. */
public final class AddUserCommand extends ProvisioningCommand {

    public AddUserCommand() {
        super("add-user", "Create or update a user; the password is read from --password-env or standard input");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser); // keeps the config-file argument
        subparser.addArgument("--username").required(true);
        subparser.addArgument("--email").required(true);
        subparser.addArgument("--roles").setDefault("").help("comma-separated roles, e.g. admin,trader");
        subparser.addArgument("--tenant").required(true);
        subparser.addArgument("--password-env").dest("password_env")
                .help("name of an environment variable holding the password (default: read standard input)");
    }

    @Override
    protected void provision(Namespace namespace, Provisioning provisioning) throws Exception {
        String password = SecretInput.read(namespace.getString("password_env"), "password");
        List<String> roles = Arrays.stream(namespace.getString("roles").split(","))
                .map(String::strip).filter(role -> !role.isEmpty()).toList();
        boolean created = provisioning.upsertUser(namespace.getString("username"), namespace.getString("email"),
                password, roles, namespace.getString("tenant"));
        System.out.println((created ? "created" : "updated") + " user " + namespace.getString("username"));
    }
}
