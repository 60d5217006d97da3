package com.nexustrade.auth.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code roles:} table of the configuration: which permissions each role grants. */
public final class RolePermissions {

    private final Map<String, List<String>> permissionsByRole;

    public RolePermissions(Map<String, List<String>> permissionsByRole) {
        this.permissionsByRole = Map.copyOf(permissionsByRole);
    }

    /** The union of the permissions of the given roles, sorted so that tokens are stable. Unknown roles grant nothing. */
    public List<String> permissionsFor(Collection<String> roles) {
        Set<String> permissions = new TreeSet<>();
        for (String role : roles) {
            permissions.addAll(permissionsByRole.getOrDefault(role, List.of()));
        }
        return List.copyOf(permissions);
    }
}
