package com.nexustrade.auth.core;

import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.db.UserRoleRow;
import com.nexustrade.auth.db.UserRow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads users with their roles, as access tokens describe them. */
public final class UserDirectory {

    private final UserDao users;

    public UserDirectory(UserDao users) {
        this.users = users;
    }

    public Optional<UserAccount> findById(String userId) {
        List<UserRoleRow> rows = users.findWithRoles(userId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UserRoleRow first = rows.get(0);
        List<String> roles = rows.stream().map(UserRoleRow::role).filter(Objects::nonNull).toList();
        return Optional.of(new UserAccount(first.id(), first.username(), first.email(), first.tenantId(), roles));
    }

    Optional<UserRow> findCredentials(String username) {
        return users.findByUsername(username);
    }

    UserAccount toAccount(UserRow row) {
        return new UserAccount(row.id(), row.username(), row.email(), row.tenantId(), users.rolesOf(row.id()));
    }
}
