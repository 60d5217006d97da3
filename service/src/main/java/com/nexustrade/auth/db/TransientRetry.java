package com.nexustrade.auth.db;

import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Retries a unit of work a few times when the database failed for a passing reason (serialisation failure,
 * deadlock, lock timeout, lost connection). Such a failure must never reach a client as "reuse" or a 401.
 * Safe for rotation: if a rotation committed before the error, the retry finds the token rotated and
 * answers with the same successor through the grace replay.
 */
public final class TransientRetry {

    private static final Logger LOG = LoggerFactory.getLogger(TransientRetry.class);
    private static final int ATTEMPTS = 4;
    // H2: 40001 deadlock, HYT00 lock timeout, 90131 concurrent update. PostgreSQL: 40001, 40P01, 55P03.
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");
    // SQLite (primary result codes; the driver sets no SQLState): SQLITE_BUSY after busy_timeout, SQLITE_LOCKED.
    private static final Set<Integer> SQLITE_TRANSIENT_CODES = Set.of(5, 6);

    private TransientRetry() {
    }

    public static <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.warn("Transient database error (attempt {} of {}), retrying: {}", attempt, ATTEMPTS, e.getMessage());
            }
        }
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state) || state.startsWith("08")) {
                    return true;
                }
                if (String.valueOf(sql.getErrorCode()).equals("90131")) {
                    return true;
                }
            }
            if (cause instanceof org.sqlite.SQLiteException sqlite
                    && SQLITE_TRANSIENT_CODES.contains(sqlite.getResultCode().code & 0xff)) {
                return true;
            }
        }
        return false;
    }
}
