package com.nexustrade.auth.refresh;

import java.time.Instant;

/**
 * The moment at which a presented token's grace window is judged. On the wall clock that is now; for a refresh that
 * met an overloaded service it is earlier, because the window does not run while the service turns refreshes away
 * ({@link RotationAdmission}; docs/rotation.md, "A storm longer than the grace window").
 */
@FunctionalInterface
public interface WindowClock {

    /** The wall clock: the window runs whatever the load. */
    WindowClock WALL = (windowOpenedAt, now) -> now;

    /** @param windowOpenedAt when the token was rotated, which opened its grace window */
    Instant judgedAt(Instant windowOpenedAt, Instant now);
}
