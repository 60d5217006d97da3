package com.nexustrade.auth.common;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Housekeeping that runs every {@code interval} on a daemon thread of its own while the service runs. A failed sweep
 * is logged and the next one tries again: housekeeping must never stop the service, and no rule depends on it.
 */
public abstract class PeriodicSweep implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSweep.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    protected PeriodicSweep(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One sweep; returns how many rows it changed. Tests call it directly with a clock they move. */
    public abstract int sweep();

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("{} sweep failed; will try again", name, e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
