package com.nexustrade.auth.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/**
 * Token buckets in the shared database, so that every instance draws on the same failure budgets. Each change is
 * one statement the database serialises on the row; the refill arithmetic is the in-memory bucket's.
 */
public interface FailureBudgetDao {

    /** One bucket as stored: tokens left at {@code updatedAt}. */
    record Budget(@ColumnName("budget_key") String key, @ColumnName("tokens") double tokens,
                  @ColumnName("updated_at") long updatedAt) {
    }

    @SqlQuery("SELECT budget_key, tokens, updated_at FROM failure_budgets WHERE budget_key = :key")
    @RegisterConstructorMapper(Budget.class)
    Optional<Budget> find(@Bind("key") String key);

    /**
     * Refills the bucket to {@code now} and takes one token, in one statement. A clock that is behind another
     * instance's never refills backwards.
     */
    @SqlUpdate("""
            UPDATE failure_budgets
               SET tokens = GREATEST(0, LEAST(:capacity, tokens + GREATEST(0, :now - updated_at) / :refillMillis) - 1),
                   updated_at = GREATEST(updated_at, :now)
             WHERE budget_key = :key""")
    int take(@Bind("key") String key, @Bind("capacity") double capacity, @Bind("refillMillis") double refillMillis,
             @Bind("now") long now);

    @SqlUpdate("INSERT INTO failure_budgets (budget_key, tokens, updated_at) VALUES (:key, :tokens, :now)")
    void insert(@Bind("key") String key, @Bind("tokens") double tokens, @Bind("now") long now);

    /** Deletes buckets untouched since {@code cutoff}: refilled by then, they equal a new bucket. */
    @SqlUpdate("DELETE FROM failure_budgets WHERE updated_at < :cutoff")
    int deleteUntouchedSince(@Bind("cutoff") long cutoff);
}
