package com.nexustrade.auth.throttling;

import java.time.Duration;

/**
 * A token bucket over an injected clock: {@code capacity} attempts at once, one more every {@code refillEvery}.
 * Not thread-safe on its own; {@link FailureThrottle} synchronises on it.
 */
final class TokenBucket {

    private final int capacity;
    private final long refillNanos;
    private double tokens;
    private long updatedAtNanos;

    TokenBucket(int capacity, Duration refillEvery, long nowNanos) {
        this.capacity = capacity;
        this.refillNanos = refillEvery.toNanos();
        this.tokens = capacity;
        this.updatedAtNanos = nowNanos;
    }

    /** Zero when an attempt is allowed now, else how long until the next one is. */
    Duration waitBeforeNext(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
    }

    void take(long nowNanos) {
        refill(nowNanos);
        tokens = Math.max(0, tokens - 1);
    }

    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedAtNanos);
        tokens = Math.min(capacity, tokens + (double) elapsed / refillNanos);
        updatedAtNanos = nowNanos;
    }
}
