package com.nexustrade.repro.load;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.checks.TokenPair;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many sessions before a load run starts its clock: logins hash a password, so they are slow on purpose
 * and would swamp the measurement. A few at a time is enough to keep the server busy without queueing.
 */
final class Sessions {

    private final Login login;
    private final int parallel;
    private final AtomicInteger opened = new AtomicInteger();

    Sessions(Login login, int parallel) {
        this.login = login;
        this.parallel = parallel;
    }

    int opened() {
        return opened.get();
    }

    /** One token pair (and its holder's key, with --dpop) per session; the first refused login stops the run (exit 2). */
    List<TokenPair> open(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, count));
        try {
            List<Future<TokenPair>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    TokenPair session = login.obtain();
                    opened.incrementAndGet();
                    return session;
                }));
            }
            List<TokenPair> tokens = new ArrayList<>(count);
            for (Future<TokenPair> future : futures) {
                tokens.add(future.get());
            }
            return tokens;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted while logging in.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // a CannotRunException keeps its one sentence
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
