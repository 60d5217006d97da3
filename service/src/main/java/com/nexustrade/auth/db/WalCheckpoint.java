package com.nexustrade.auth.db;

import com.nexustrade.auth.common.PeriodicSweep;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Map;

/**
 * Keeps SQLite's write-ahead log bounded under sustained load. SQLite's own checkpoint (every 1,000 pages) copies the
 * log into the database but starts the log over only when no reader is using it, and truncates it
 * ({@code journal_size_limit}) only then: with refreshes reading all the time, the log kept growing, 4.9 to 7.5 MB
 * in a 30-minute soak while the database itself stayed at 242 KB (docs/performance.md, "Soak"). A
 * {@code wal_checkpoint(TRUNCATE)} waits (busy_timeout) for the readers of the moment to finish, which takes
 * milliseconds, holds writers off while it copies what is left, and empties the file.
 * A checkpoint that found the log busy is retried by the next sweep.
 */
public final class WalCheckpoint extends PeriodicSweep {

    private final Jdbi jdbi;

    public WalCheckpoint(Jdbi jdbi, Duration interval) {
        super("sqlite-wal-checkpoint", interval);
        this.jdbi = jdbi;
    }

    /** Returns 1 when the log was emptied, 0 when readers or a writer kept it busy. */
    @Override
    public int sweep() {
        Map<String, Object> result = jdbi.withHandle(handle ->
                handle.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().one());
        return ((Number) result.get("busy")).intValue() == 0 ? 1 : 0;
    }
}
