package com.nexustrade.auth.refresh;


import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Housekeeping of the refresh-token table: wipes sealed successors whose grace window has closed (so the
 * database holds no recoverable token for longer than the window) and deletes tokens long past expiry.
 * The rotation rule does not depend on it: an expired window is refused whether or not its seal is wiped yet.
 */
public final class RefreshTokenJanitor implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenJanitor.class);
    // Expired tokens are kept a while so that a late client hears "expired" rather than "unknown".
    private static final Duration KEEP_EXPIRED = Duration.ofDays(7);

    private final RefreshTokenStore store;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RefreshTokenJanitor(RefreshTokenStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /** One sweep; returns the number of seals wiped. */
    public int sweep() {
        long now = clock.millis();
        int wiped = store.wipeExpiredSeals(now);
        int deleted = store.deleteTokensExpiredBefore(now - KEEP_EXPIRED.toMillis());
        if (deleted > 0) {
            store.deleteEmptyFamilies();
        }
        LOG.debug("janitor: wiped {} seals, deleted {} expired tokens", wiped, deleted);
        return wiped;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "refresh-token-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("refresh-token janitor sweep failed; will try again", e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
