package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.RateLimitedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Slows guessing: every FAILED attempt takes a token from each bucket its keys name; an attempt is refused
 * with 429 while any of those buckets is empty. Successful attempts cost nothing, and buckets refill
 * continuously, so nobody stays locked out: the longest wait is one refill interval once the guessing stops.
 * The buckets live in {@link FailureBudgets}: this instance's memory, or the database every instance shares.
 */
public final class FailureThrottle {

    /** One kind of key with its allowance, e.g. "per username and client address: 5 at once, then 1 per 12 s". */
    public record Limit(String name, int burst, Duration refillEvery) {
    }

    private final FailureBudgets budgets;
    private final Clock clock;

    public FailureThrottle(Clock clock) {
        this(clock, new InMemoryBudgets());
    }

    public FailureThrottle(Clock clock, FailureBudgets budgets) {
        this.clock = clock;
        this.budgets = budgets;
    }

    /** Throws {@link RateLimitedException} when any of the keyed buckets is empty. */
    public void checkAllowed(List<Keyed> keys) {
        long now = clock.millis();
        Duration longestWait = Duration.ZERO;
        for (Keyed keyed : keys) {
            Optional<TokenBucket> bucket = budgets.find(keyed.key());
            if (bucket.isEmpty()) {
                continue;
            }
            Duration wait = bucket.get().waitBeforeNext(keyed.limit(), now);
            if (wait.compareTo(longestWait) > 0) {
                longestWait = wait;
            }
        }
        if (!longestWait.isZero()) {
            throw new RateLimitedException(longestWait);
        }
    }

    /** Whether failures under this key have been recorded lately (its bucket has not refilled yet). */
    public boolean hasRecentFailures(Keyed keyed) {
        return budgets.find(keyed.key()).map(bucket -> !bucket.isFull(keyed.limit(), clock.millis())).orElse(false);
    }

    public void recordFailure(List<Keyed> keys) {
        long now = clock.millis();
        for (Keyed keyed : keys) {
            budgets.take(keyed.key(), keyed.limit(), now);
        }
    }

    /**
     * A bucket key: the limit it falls under and the value it counts, e.g. a username. The value is stored as a
     * SHA-256 digest, so every key has the same short length whatever a client sends (a 15 KB username included),
     * and the budgets hold no usernames or addresses in clear.
     */
    public record Keyed(Limit limit, String value) {
        public String key() {
            return limit.name() + "|" + digest(value);
        }
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
