package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.ClientContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits on failed logins:
 * <ul>
 *   <li>per username and client address: 5 at once, then 1 every 12 s: one attacker guessing one account;</li>
 *   <li>per client address: 30 at once, then 1 every 2 s: one attacker spraying many accounts;</li>
 *   <li>per username from anywhere: 40 at once, then 1 every 3 s: many addresses guessing one account. It refuses
 *       only addresses that have themselves failed on this account lately.</li>
 * </ul>
 * Why the last one is conditional: a budget keyed on the account alone lets anyone lock its owner out (40 wrong
 * passwords from 8 addresses did). Applied to addresses with a recent failure only, a distributed attacker still
 * gets one guess per fresh address and then shares the 20-a-minute refill, while the owner, from an address that
 * has not failed, is never refused because of someone else. Passwords are low-entropy, so the per-account budget
 * stays; service secrets are not, and {@link ServiceAuthThrottle} needs none.
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
        String user = username.toLowerCase(Locale.ROOT);
        FailureThrottle.Keyed ownFailures = new FailureThrottle.Keyed(PER_USER_AND_ADDRESS, user + "|" + client.address());
        List<FailureThrottle.Keyed> keys = new ArrayList<>(List.of(ownFailures,
                new FailureThrottle.Keyed(PER_ADDRESS, client.address())));
        if (throttle.hasRecentFailures(ownFailures)) {
            keys.add(new FailureThrottle.Keyed(PER_USER, user));
        }
        throttle.checkAllowed(keys);
    }

    public void recordFailure(String username, ClientContext client) {
        String user = username.toLowerCase(Locale.ROOT);
        throttle.recordFailure(List.of(new FailureThrottle.Keyed(PER_USER_AND_ADDRESS, user + "|" + client.address()),
                new FailureThrottle.Keyed(PER_ADDRESS, client.address()),
                new FailureThrottle.Keyed(PER_USER, user)));
    }
}
