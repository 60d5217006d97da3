package com.nexustrade.auth.core;

import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.db.UserRow;

import java.util.Optional;

/** Reads users with their roles, as access tokens describe them. */
public final class UserDirectory {

    private final UserDao users;

    public UserDirectory(UserDao users) {
        this.users = users;
    }

    Optional<UserRow> findCredentials(String username) {
        return users.findByUsername(username);
    }

    UserAccount toAccount(UserRow row) {
        return new UserAccount(row.id(), row.username(), row.email(), row.tenantId(), users.rolesOf(row.id()));
    }
}
