package com.nexustrade.auth.db;

import com.nexustrade.auth.support.TestDatabase;
import com.nexustrade.auth.support.TestService;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's write-ahead log does not stay at the size of its busiest moment: the sweep empties it. */
class WalCheckpointTest {

    @Test
    void aSweepEmptiesTheWriteAheadLogThatSqlitesOwnCheckpointsLeaveAtItsLargest() throws Exception {
        String url = TestService.sqliteUrl("wal-checkpoint");
        Jdbi jdbi = TestDatabase.migratedSqlite("wal-checkpoint", url);
        Path wal = Path.of(EmbeddedStoreFiles.databaseFile(url).orElseThrow() + "-wal");
        for (int batch = 0; batch < 40; batch++) {
            int first = batch * 500;
            jdbi.useTransaction(handle -> {
                var insert = handle.prepareBatch("INSERT INTO dpop_proof_jtis (jti_hash, expires_at) VALUES (:h, 0)");
                for (int i = first; i < first + 500; i++) {
                    insert.bind("h", String.format("%064d", i)).add();
                }
                insert.execute();
            });
        }
        long before = Files.size(wal);
        assertThat(before).as("20,000 rows in 40 commits leave a log behind").isGreaterThan(1_000_000);

        int emptied = new WalCheckpoint(jdbi, Duration.ofSeconds(10)).sweep();

        assertThat(emptied).isOne();
        assertThat(Files.size(wal)).isZero();
        int rows = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM dpop_proof_jtis")
                .mapTo(Integer.class).one());
        assertThat(rows).as("everything is in the database file").isEqualTo(20_000);
    }
}
