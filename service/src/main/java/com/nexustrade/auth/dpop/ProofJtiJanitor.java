package com.nexustrade.auth.dpop;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the jti store bounded: a jti is only needed while its proof's iat is within the accepted skew, after that
 * the iat check refuses the proof anyway. The table therefore holds at most the proofs of the last
 * {@code 2 x dpop.maxClockSkew} (plus one sweep interval).
 */
public final class ProofJtiJanitor implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProofJtiJanitor.class);

    private final ProofJtiStore store;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ProofJtiJanitor(ProofJtiStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    public int sweep() {
        return store.deleteExpired(clock.millis());
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dpop-jti-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("DPoP jti janitor sweep failed; will try again", e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
