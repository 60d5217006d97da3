package com.nexustrade.auth.throttling;

import java.time.Duration;

/**
 * One token bucket as stored: the tokens it held when it last changed. {@code limit.burst()} attempts at once,
 * one more every {@code limit.refillEvery()}. Immutable; the arithmetic is here once, and {@code db.FailureBudgetDao}
 * repeats the refill in its one UPDATE so that instances sharing a database change a bucket atomically.
 */
public record TokenBucket(double tokens, long updatedAtMillis) {

    static TokenBucket full(FailureThrottle.Limit limit, long nowMillis) {
        return new TokenBucket(limit.burst(), nowMillis);
    }

    /** Zero when an attempt is allowed now, else how long until the next one is. */
    Duration waitBeforeNext(FailureThrottle.Limit limit, long nowMillis) {
        double now = refilled(limit, nowMillis);
        if (now >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - now) * limit.refillEvery().toMillis()));
    }

    /** The bucket after one failure at {@code nowMillis}. */
    TokenBucket afterTake(FailureThrottle.Limit limit, long nowMillis) {
        return new TokenBucket(Math.max(0, refilled(limit, nowMillis) - 1), Math.max(updatedAtMillis, nowMillis));
    }

    boolean isFull(FailureThrottle.Limit limit, long nowMillis) {
        return refilled(limit, nowMillis) >= limit.burst();
    }

    private double refilled(FailureThrottle.Limit limit, long nowMillis) {
        long elapsed = Math.max(0, nowMillis - updatedAtMillis); // a clock behind never refills backwards
        return Math.min(limit.burst(), tokens + (double) elapsed / limit.refillEvery().toMillis());
    }
}
