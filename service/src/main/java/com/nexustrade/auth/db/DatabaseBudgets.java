package com.nexustrade.auth.db;

import com.nexustrade.auth.throttling.FailureBudgets;
import com.nexustrade.auth.throttling.FailureThrottle;
import com.nexustrade.auth.throttling.TokenBucket;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failure buckets in the {@code failure_budgets} table, shared by every instance on the database: three
 * instances behind a load balancer give an attacker the guesses of one. A failure is one UPDATE (refill and take
 * in SQL, serialised by the row lock), or an INSERT for a new bucket. Rows untouched for {@link #KEEP} have
 * refilled (the slowest bucket refills completely in 2 minutes) and are deleted, at most once a minute per
 * instance: the table holds the buckets of the last few minutes' failures, and each failure costs its sender
 * an Argon2id verification.
 */
public final class DatabaseBudgets implements FailureBudgets {

    static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final FailureBudgetDao budgets;
    private final AtomicLong nextPurgeAt = new AtomicLong();

    public DatabaseBudgets(Jdbi jdbi) {
        this.budgets = jdbi.onDemand(FailureBudgetDao.class);
    }

    @Override
    public Optional<TokenBucket> find(String key) {
        return TransientRetry.run(() -> budgets.find(key))
                .map(budget -> new TokenBucket(budget.tokens(), budget.updatedAt()));
    }

    @Override
    public void take(String key, FailureThrottle.Limit limit, long nowMillis) {
        purgeNowAndThen(nowMillis);
        double refillMillis = limit.refillEvery().toMillis();
        TransientRetry.run(() -> {
            if (budgets.take(key, limit.burst(), refillMillis, nowMillis) == 1) {
                return null;
            }
            try {
                budgets.insert(key, limit.burst() - 1, nowMillis);
            } catch (JdbiException anotherInstanceInsertedIt) {
                budgets.take(key, limit.burst(), refillMillis, nowMillis);
            }
            return null;
        });
    }

    private void purgeNowAndThen(long nowMillis) {
        long due = nextPurgeAt.get();
        if (nowMillis >= due && nextPurgeAt.compareAndSet(due, nowMillis + PURGE_EVERY.toMillis())) {
            budgets.deleteUntouchedSince(nowMillis - KEEP.toMillis());
        }
    }
}
