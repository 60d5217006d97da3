package com.nexustrade.auth.users;

import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.throttling.LoginThrottle;
import com.nexustrade.auth.common.RateLimitedException;


import java.util.Optional;

/**
 * Checks a username and password. An unknown user costs one decoy Argon2id verification, so the answer and
 * its timing are the same as for a wrong password. Failed attempts are throttled before any hashing is spent.
 */
public final class PasswordLogin {

    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecurityEvents events;

    public PasswordLogin(UserDirectory users, PasswordHasher hasher, LoginThrottle throttle, SecurityEvents events) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.events = events;
    }

    public UserAccount authenticate(String username, String password, ClientContext client) {
        try {
            throttle.checkAllowed(username, client);
        } catch (RateLimitedException throttled) {
            events.loginThrottled(username, throttled.getRetryAfterSeconds(), client);
            throw throttled;
        }
        Optional<UserCredentials> row = users.findCredentials(username);
        boolean valid = row.isPresent()
                ? hasher.verify(password, row.get().passwordHash())
                : hasher.verifyDecoy(password);
        if (!valid) {
            throttle.recordFailure(username, client);
            events.loginFailed(username, row.isPresent(), client);
            throw new InvalidCredentialsException();
        }
        return users.toAccount(row.get());
    }
}
