package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.ClaimsCheck;
import picocli.CommandLine.Option;

import java.util.List;

/** Options of the claims check, shared by its own command and by all. */
public class ClaimsOptions {

    @Option(names = "--expect-roles", paramLabel = "ROLE", split = ",", defaultValue = "admin,trader",
            description = "Roles the user has, which the token's roles claim must contain (default: ${DEFAULT-VALUE}; "
                    + "--expect-roles= expects none).")
    List<String> expectedRoles;

    @Option(names = "--require", paramLabel = "CLAIM", split = ",", defaultValue = "roles,permissions,tenant_id",
            description = "Claims that must be present and non-empty (default: ${DEFAULT-VALUE}, the incident's missing ones).")
    List<String> requiredClaims;

    @Option(names = "--roles-claim", paramLabel = "PATH", defaultValue = "roles",
            description = "Where the token carries the user's roles, a dotted path for nested claims, e.g. Keycloak's "
                    + "realm_access.roles (default: ${DEFAULT-VALUE}). --require takes dotted paths too.")
    String rolesClaim;

    ClaimsCheck.Settings settings() {
        return new ClaimsCheck.Settings(nonBlank(requiredClaims), nonBlank(expectedRoles),
                rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.trim());
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
