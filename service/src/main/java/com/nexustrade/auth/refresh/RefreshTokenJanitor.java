package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.PeriodicSweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Housekeeping of the refresh-token tables, which keeps them proportional to the live sessions: wipes sealed
 * successors whose grace window has closed (so the database holds no recoverable token for longer than the window),
 * deletes tokens long past expiry, and purges sessions that have ended ({@link RefreshTokenStore#endedFamilies}),
 * used tokens included: reuse detection needs a used token only while its session lives.
 * Every statement touches at most {@link #BATCH} rows and commits on its own, so a sweep never holds a write lock
 * for long (SQLite has one for the whole file); a sweep stops after {@link #SWEEP_BUDGET} and the next one goes on.
 * The rotation rule does not depend on it: an expired window is refused whether or not its seal is wiped yet.
 */
public final class RefreshTokenJanitor extends PeriodicSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenJanitor.class);
    // Expired tokens are kept a while so that a late client hears "expired" rather than "unknown".
    private static final Duration KEEP_EXPIRED = Duration.ofDays(7);
    private static final Duration DEFAULT_KEEP_ENDED = Duration.ofHours(1);
    static final int BATCH = 500;
    private static final int FAMILIES_PER_BATCH = 100;
    static final Duration SWEEP_BUDGET = Duration.ofSeconds(2);

    private final RefreshTokenStore store;
    private final Clock clock;
    private final Duration keepEnded;

    public RefreshTokenJanitor(RefreshTokenStore store, Clock clock, Duration interval) {
        this(store, clock, interval, DEFAULT_KEEP_ENDED);
    }

    /** @param keepEnded how long an ended session stays, so that a late client hears "revoked", not "unknown" */
    public RefreshTokenJanitor(RefreshTokenStore store, Clock clock, Duration interval, Duration keepEnded) {
        super("refresh-token-janitor", interval);
        this.store = store;
        this.clock = clock;
        this.keepEnded = keepEnded;
    }

    /** One sweep; returns the number of seals wiped. */
    @Override
    public int sweep() {
        long now = clock.millis();
        // Wall-clock budget of this run, not domain time: how long housekeeping may keep the store busy.
        long stopAt = System.nanoTime() + SWEEP_BUDGET.toNanos();
        int wiped = 0;
        int batch;
        do {
            batch = store.wipeExpiredSeals(now, BATCH);
            wiped += batch;
        } while (batch == BATCH && System.nanoTime() < stopAt);
        int expired = purgeExpiredTokens(now - KEEP_EXPIRED.toMillis(), stopAt);
        int ended = purgeEndedSessions(now - keepEnded.toMillis(), stopAt);
        LOG.debug("janitor: wiped {} seals, deleted {} expired tokens, purged {} ended sessions", wiped, expired, ended);
        return wiped;
    }

    private int purgeExpiredTokens(long cutoff, long stopAt) {
        int deleted = 0;
        while (System.nanoTime() < stopAt) {
            Map<String, String> expired = store.tokensExpiredBefore(cutoff, BATCH);
            if (expired.isEmpty()) {
                break;
            }
            store.deleteTokens(expired.keySet());
            // A session whose every token expired has ended: it goes with its last token.
            store.deleteFamiliesWithoutTokens(Set.copyOf(expired.values()));
            deleted += expired.size();
        }
        return deleted;
    }

    private int purgeEndedSessions(long endedBefore, long stopAt) {
        int purged = 0;
        while (System.nanoTime() < stopAt) {
            List<String> ended = store.endedFamilies(endedBefore, FAMILIES_PER_BATCH);
            if (ended.isEmpty()) {
                break;
            }
            for (String family : ended) {
                while (store.deleteTokensOfFamily(family, BATCH) == BATCH && System.nanoTime() < stopAt) {
                    // a long session: its tokens go BATCH at a time
                }
            }
            int removed = store.deleteFamiliesWithoutTokens(ended);
            if (removed == 0) {
                break; // what is left needs another sweep (a long session cut short by the budget)
            }
            purged += removed;
        }
        return purged;
    }
}
