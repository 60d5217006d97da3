package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.ServiceAuthCheck;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.Optional;
import java.util.function.Function;

/** Options of the service-auth check, shared by its own command and by all. */
public class ServiceAuthOptions {

    static final String SECRET_VARIABLE = "REPRO_SERVICE_SECRET";

    @Option(names = "--service-id", paramLabel = "ID", defaultValue = "${env:REPRO_SERVICE_ID}",
            description = "A real service id: adds a wrong-secret probe, and with its secret a positive control "
                    + "(default: $REPRO_SERVICE_ID).")
    String serviceId;

    @Option(names = "--service-secret", paramLabel = "S",
            description = "That service's secret. Prefer $" + SECRET_VARIABLE + " or --service-secret-env.")
    String serviceSecret;

    @Option(names = "--service-secret-env", paramLabel = "VAR",
            description = "Read the service secret from this environment variable (default: $" + SECRET_VARIABLE + ").")
    String serviceSecretVariable;

    ServiceAuthCheck.Settings settings(CommandLine commandLine, Function<String, String> environment) {
        if (serviceSecret != null && serviceSecretVariable != null) {
            throw new ParameterException(commandLine, "Give either --service-secret or --service-secret-env, not both");
        }
        Optional<String> id = Optional.ofNullable(serviceId).filter(s -> !s.isBlank());
        String secret = serviceSecret != null ? serviceSecret
                : environment.apply(serviceSecretVariable != null ? serviceSecretVariable : SECRET_VARIABLE);
        if (serviceSecretVariable != null && (secret == null || secret.isEmpty())) {
            throw new ParameterException(commandLine, "--service-secret-env names $" + serviceSecretVariable + ", which is not set");
        }
        if (id.isEmpty() && serviceSecret != null) {
            throw new ParameterException(commandLine, "--service-secret needs --service-id");
        }
        return new ServiceAuthCheck.Settings(id, id.isPresent() ? Optional.ofNullable(secret).filter(s -> !s.isEmpty()) : Optional.empty());
    }
}
