package com.nexustrade.auth.throttling;

import java.util.Optional;

/**
 * Where the failure buckets live: {@link InMemoryBudgets} for one instance, {@code db.DatabaseBudgets} when several
 * instances share a database and must share the budgets too (else N instances give an attacker N times the
 * guesses). Keys arrive bounded: a limit's name and a fixed-length digest of the counted value.
 */
public interface FailureBudgets {

    /** The bucket as last changed, or empty when nothing was taken from it lately (it is full). */
    Optional<TokenBucket> find(String key);

    /** Takes one token at {@code nowMillis}, refilling first; creates the bucket full when absent. */
    void take(String key, FailureThrottle.Limit limit, long nowMillis);
}
