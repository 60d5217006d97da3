package com.nexustrade.auth.db;

import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/**
 * Runs a unit of work on one pooled connection: every on-demand DAO call made inside it uses the same JDBI
 * handle (JDBI's thread-local handle scope) instead of checking a connection out of the pool, and setting up
 * a handle, per call. A refresh makes two such calls (read, rotate), three when it loses a race; under load
 * each checkout would wait its turn in the pool.
 * Transactions stay where the DAOs declare them ({@code @Transaction}); a transient failure retries the whole
 * unit on a fresh connection.
 */
public final class OneConnection {

    private final Jdbi jdbi;

    public OneConnection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T run(Supplier<T> work) {
        return TransientRetry.run(() -> jdbi.withHandle(handle -> work.get()));
    }
}
