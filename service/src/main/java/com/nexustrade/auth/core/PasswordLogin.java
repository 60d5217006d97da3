package com.nexustrade.auth.core;

import com.nexustrade.auth.db.UserRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Checks a username and password. An unknown user costs one decoy Argon2id verification, so the answer
 * and its timing are the same as for a wrong password.
 */
public final class PasswordLogin {

    private static final Logger SECURITY = LoggerFactory.getLogger("com.nexustrade.auth.security");

    private final UserDirectory users;
    private final PasswordHasher hasher;

    public PasswordLogin(UserDirectory users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public UserAccount authenticate(String username, String password) {
        Optional<UserRow> row = users.findCredentials(username);
        boolean valid = row.isPresent()
                ? hasher.verify(password, row.get().passwordHash())
                : hasher.verifyDecoy(password);
        if (!valid) {
            SECURITY.info("event=login_failed username_known={} username_length={}", row.isPresent(), username.length());
            throw new InvalidCredentialsException();
        }
        return users.toAccount(row.get());
    }
}
