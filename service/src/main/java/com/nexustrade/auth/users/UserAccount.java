package com.nexustrade.auth.users;

import java.util.List;

/** A user as access tokens describe them. The password hash stays in the database layer. */
public record UserAccount(String id, String username, String email, String tenantId, List<String> roles) {
    public UserAccount {
        roles = List.copyOf(roles);
    }
}
