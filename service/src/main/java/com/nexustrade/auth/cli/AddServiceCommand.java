package com.nexustrade.auth.cli;

import com.nexustrade.auth.core.Provisioning;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.util.Arrays;
import java.util.List;

/** {@code java -jar auth-service.jar add-service --id orders --permissions orders:read config.yml}; secret on stdin. */
public final class AddServiceCommand extends ProvisioningCommand {

    public AddServiceCommand() {
        super("add-service", "Create or update a service client; the secret is read from --secret-env or standard input");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--id").required(true);
        subparser.addArgument("--permissions").setDefault("").help("comma-separated permissions");
        subparser.addArgument("--secret-env").dest("secret_env")
                .help("name of an environment variable holding the secret (default: read standard input)");
    }

    @Override
    protected void provision(Namespace namespace, Provisioning provisioning) throws Exception {
        String secret = SecretInput.read(namespace.getString("secret_env"), "secret");
        List<String> permissions = Arrays.stream(namespace.getString("permissions").split(","))
                .map(String::strip).filter(permission -> !permission.isEmpty()).toList();
        boolean created = provisioning.upsertService(namespace.getString("id"), secret, permissions);
        System.out.println((created ? "created" : "updated") + " service " + namespace.getString("id"));
    }
}
