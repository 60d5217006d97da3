package com.nexustrade.auth.refresh;

import java.time.Duration;

/**
 * How long the pieces of a session last ({@code tokens.*}, docs/api.md "Configuration"), as one value: three
 * durations side by side in a constructor compile just as well in any order.
 *
 * @param refreshTokenTtl    how long each refresh token is valid (each rotation gives its successor this much)
 * @param sessionMaxLifetime the absolute end of a session after its login, which no rotation extends
 * @param reuseGrace         how long a rotated token replays its successor (docs/rotation.md, "The grace window")
 */
public record SessionLifetimes(Duration refreshTokenTtl, Duration sessionMaxLifetime, Duration reuseGrace) {

    public static final Duration DEFAULT_SESSION_MAX_LIFETIME = Duration.ofDays(30);
}
