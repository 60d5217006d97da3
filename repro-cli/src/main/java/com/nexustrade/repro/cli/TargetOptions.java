package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Credentials;
import com.nexustrade.repro.http.EndpointPaths;
import com.nexustrade.repro.http.ExtraHeader;
import com.nexustrade.repro.http.Target;
import com.nexustrade.repro.http.TokenApi;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which deployment to check and as whom. Inherited by every command, so they may be given before or after it.
 * Secrets preferably come from the environment: a --password on the command line shows in the process list.
 */
public class TargetOptions {

    static final String PASSWORD_VARIABLE = "REPRO_PASSWORD";

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:REPRO_BASE_URL:-http://localhost:8080}",
            description = "The deployment to check (default: $REPRO_BASE_URL, else ${DEFAULT-VALUE}). A path prefix is kept.")
    String baseUrl;

    @Option(names = "--username", paramLabel = "U", scope = ScopeType.INHERIT,
            defaultValue = "${env:REPRO_USERNAME:-trader1}",
            description = "The user to log in as (default: $REPRO_USERNAME, else ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--password", paramLabel = "P", scope = ScopeType.INHERIT,
            description = "The user's password. Prefer $" + PASSWORD_VARIABLE + " or --password-env: "
                    + "the command line shows in the process list.")
    String password;

    @Option(names = "--password-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "Read the password from this environment variable (default: $" + PASSWORD_VARIABLE + ").")
    String passwordVariable;

    @Option(names = "--profile", paramLabel = "PROFILE", scope = ScopeType.INHERIT, defaultValue = "contract",
            description = "contract: our JSON API (login and refresh paths below); oauth2: any RFC 6749 server, logging in with "
                    + "grant_type=password and refreshing with grant_type=refresh_token at --token-endpoint, form-encoded "
                    + "(default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--token-endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "oauth2 profile: the token endpoint (default: the base URL + /oauth2/token).")
    String tokenEndpoint;

    @Option(names = "--client-id", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "oauth2 profile: the client the app is registered as; sent as client_id, or by HTTP Basic with a secret.")
    String clientId;

    @Option(names = "--client-secret-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "oauth2 profile: read the client secret from this environment variable (confidential clients "
                    + "only; mobile apps are public clients and have none). Sent by HTTP Basic.")
    String clientSecretVariable;

    @Option(names = "--dpop", scope = ScopeType.INHERIT,
            description = "Bind every session to a device key (RFC 9449 DPoP): each login makes a P-256 key of its own, "
                    + "and the login and every refresh of that session carry a fresh ES256 proof from it. all also runs "
                    + "stolen-token, whatever the target advertises.")
    boolean dpop;

    @Option(names = "--header", paramLabel = "'Name: value'", scope = ScopeType.INHERIT,
            converter = ExtraHeaderConverter.class,
            description = "A header sent with every request, e.g. a gateway's 'X-Api-Key: ...'. Repeatable.")
    List<ExtraHeader> headers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT, defaultValue = "10",
            description = "Connect and answer timeout per request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--insecure", scope = ScopeType.INHERIT,
            description = "Accept any TLS certificate and host name, for self-signed staging certificates.")
    boolean insecure;

    @Option(names = "--login-path", paramLabel = "PATH", scope = ScopeType.INHERIT, defaultValue = "/auth/login",
            description = "Default: ${DEFAULT-VALUE}.")
    String loginPath;

    @Option(names = "--refresh-path", paramLabel = "PATH", scope = ScopeType.INHERIT, defaultValue = "/auth/refresh",
            description = "Default: ${DEFAULT-VALUE}.")
    String refreshPath;

    @Option(names = "--service-auth-path", paramLabel = "PATH", scope = ScopeType.INHERIT,
            defaultValue = "/auth/service_auth", description = "Default: ${DEFAULT-VALUE}.")
    String serviceAuthPath;

    @Option(names = "--jwks-path", paramLabel = "PATH", scope = ScopeType.INHERIT,
            defaultValue = "/.well-known/jwks.json", description = "Default: ${DEFAULT-VALUE}.")
    String jwksPath;

    /** The two ways a target hands out tokens. */
    public enum Profile { CONTRACT, OAUTH2 }

    Target target(CommandLine commandLine, Function<String, String> environment) {
        if (timeoutSeconds < 1) {
            throw new ParameterException(commandLine, "--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        URI base = httpUrl(commandLine, "--base-url", baseUrl);
        EndpointPaths paths = new EndpointPaths(loginPath, refreshPath, serviceAuthPath, jwksPath);
        return new Target(base, paths, headers, Duration.ofSeconds(timeoutSeconds), insecure,
                tokenApi(commandLine, environment, base, paths));
    }

    private TokenApi tokenApi(CommandLine commandLine, Function<String, String> environment, URI base, EndpointPaths paths) {
        if (profile != Profile.OAUTH2) {
            for (String option : new String[] {tokenEndpoint == null ? null : "--token-endpoint",
                    clientId == null ? null : "--client-id", clientSecretVariable == null ? null : "--client-secret-env"}) {
                if (option != null) {
                    throw new ParameterException(commandLine, option + " needs --profile oauth2");
                }
            }
            return new TokenApi.Contract(base, paths);
        }
        URI endpoint = tokenEndpoint != null ? httpUrl(commandLine, "--token-endpoint", tokenEndpoint)
                : Target.join(base, "/oauth2/token");
        String secret = null;
        if (clientSecretVariable != null) {
            secret = environment.apply(clientSecretVariable);
            if (secret == null || secret.isEmpty()) {
                throw new ParameterException(commandLine, "--client-secret-env names $" + clientSecretVariable + ", which is not set");
            }
            if (clientId == null) {
                throw new ParameterException(commandLine, "--client-secret-env needs --client-id");
            }
        }
        return new TokenApi.OAuth2(endpoint, clientId == null || clientId.isBlank() ? null : clientId, secret);
    }

    Credentials credentials(CommandLine commandLine, Function<String, String> environment) {
        if (password != null && passwordVariable != null) {
            throw new ParameterException(commandLine, "Give either --password or --password-env, not both");
        }
        if (password != null) {
            return new Credentials(username, password);
        }
        String variable = passwordVariable != null ? passwordVariable : PASSWORD_VARIABLE;
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new ParameterException(commandLine, "No password for " + username + ": set $" + variable
                    + (passwordVariable != null ? "" : ", or name another variable with --password-env VAR"));
        }
        return new Credentials(username, value);
    }

    private static URI httpUrl(CommandLine commandLine, String option, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(commandLine, option + " '" + value + "' is not an http:// or https:// URL with a host");
        }
    }
}
