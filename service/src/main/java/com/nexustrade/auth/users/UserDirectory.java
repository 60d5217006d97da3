package com.nexustrade.auth.users;


import java.util.Optional;

/** Reads users with their roles, as access tokens describe them. */
public final class UserDirectory {

    private final UserStore users;

    public UserDirectory(UserStore users) {
        this.users = users;
    }

    Optional<UserCredentials> findCredentials(String username) {
        return users.findByUsername(username);
    }

    UserAccount toAccount(UserCredentials row) {
        return new UserAccount(row.id(), row.username(), row.email(), row.tenantId(), users.rolesOf(row.id()));
    }
}
