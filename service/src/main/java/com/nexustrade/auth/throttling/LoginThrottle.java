package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.ClientContext;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The limits on failed logins, per instance:
 * <ul>
 *   <li>per username and client address: 5 at once, then 1 every 12 s: one attacker guessing one account;</li>
 *   <li>per client address: 30 at once, then 1 every 2 s: one attacker spraying many accounts;</li>
 *   <li>per username from anywhere: 40 at once, then 1 every 3 s: many addresses guessing one account.</li>
 * </ul>
 * The owner of an account, from their own address, meets only the last limit when someone else is guessing,
 * and that one refills in 3 s once the guessing slows below 20 a minute.
 */
public final class LoginThrottle {

    static final FailureThrottle.Limit PER_USER_AND_ADDRESS =
            new FailureThrottle.Limit("login-user-address", 5, Duration.ofSeconds(12));
    static final FailureThrottle.Limit PER_ADDRESS = new FailureThrottle.Limit("login-address", 30, Duration.ofSeconds(2));
    static final FailureThrottle.Limit PER_USER = new FailureThrottle.Limit("login-user", 40, Duration.ofSeconds(3));

    private final FailureThrottle throttle;

    public LoginThrottle(FailureThrottle throttle) {
        this.throttle = throttle;
    }

    public void checkAllowed(String username, ClientContext client) {
        throttle.checkAllowed(keys(username, client));
    }

    public void recordFailure(String username, ClientContext client) {
        throttle.recordFailure(keys(username, client));
    }

    private static List<FailureThrottle.Keyed> keys(String username, ClientContext client) {
        String user = username.toLowerCase(Locale.ROOT);
        return List.of(new FailureThrottle.Keyed(PER_USER_AND_ADDRESS, user + "|" + client.address()),
                new FailureThrottle.Keyed(PER_ADDRESS, client.address()),
                new FailureThrottle.Keyed(PER_USER, user));
    }
}
