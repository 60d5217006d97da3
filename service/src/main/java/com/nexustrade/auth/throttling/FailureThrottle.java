package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.RateLimitedException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing: every FAILED attempt takes a token from each bucket its keys name; an attempt is refused
 * with 429 while any of those buckets is empty. Successful attempts cost nothing, and buckets refill
 * continuously, so nobody stays locked out: the longest wait is one refill interval once the guessing stops.
 * Limits are per instance (see docs/operations.md for the arithmetic with several instances).
 */
public final class FailureThrottle {

    /** One kind of key with its allowance, e.g. "per username and client address: 5 at once, then 1 per 12 s". */
    public record Limit(String name, int burst, Duration refillEvery) {
    }

    // Beyond this many tracked keys, buckets that have refilled completely are dropped (they equal a new bucket).
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public FailureThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@link RateLimitedException} when any of the keyed buckets is empty. */
    public void checkAllowed(List<Keyed> keys) {
        long now = nowNanos();
        Duration longestWait = Duration.ZERO;
        for (Keyed keyed : keys) {
            TokenBucket bucket = buckets.get(keyed.key());
            if (bucket == null) {
                continue;
            }
            Duration wait;
            synchronized (bucket) {
                wait = bucket.waitBeforeNext(now);
            }
            if (wait.compareTo(longestWait) > 0) {
                longestWait = wait;
            }
        }
        if (!longestWait.isZero()) {
            throw new RateLimitedException(longestWait);
        }
    }

    public void recordFailure(List<Keyed> keys) {
        long now = nowNanos();
        if (buckets.size() > MAX_TRACKED_KEYS) {
            evictRefilled(now);
        }
        for (Keyed keyed : keys) {
            TokenBucket bucket = buckets.computeIfAbsent(keyed.key(),
                    key -> new TokenBucket(keyed.limit().burst(), keyed.limit().refillEvery(), now));
            synchronized (bucket) {
                bucket.take(now);
            }
        }
    }

    /** A bucket key: the limit it falls under and the value it counts, e.g. a username. */
    public record Keyed(Limit limit, String value) {
        String key() {
            return limit.name() + "|" + value;
        }
    }

    private void evictRefilled(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isFull(now);
            }
        });
    }

    private long nowNanos() {
        Duration sinceEpoch = Duration.ofMillis(clock.millis());
        return sinceEpoch.toNanos();
    }
}
