package com.nexustrade.auth.dpop;

import com.nexustrade.auth.db.DPoPProofJtiDao;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DPoP replay store on both databases: first use wins exactly once under a race, and the janitor bounds it. */
class ProofJtiStoreTest {

    /** A fresh database per test: each counts the rows it wrote. */
    private static Jdbi database(String kind, String test) throws Exception {
        String name = "dpop_jti_" + test + "_" + kind;
        return "h2".equals(kind) ? TestDatabase.migratedH2(name) : TestDatabase.migratedPostgres(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ofTwentyConcurrentUsesOfOneProofExactlyOneIsAccepted(String kind) throws Exception {
        ProofJtiStore store = database(kind, "race").onDemand(DPoPProofJtiDao.class);

        List<Boolean> accepted = AllAtOnce.run(20, i -> () -> store.markUsed("a".repeat(64), 1_000L));

        assertThat(accepted).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theJanitorForgetsOnlyTheJtisWhoseProofsTheIatCheckWouldRefuseAnyway(String kind) throws Exception {
        MutableClock clock = new MutableClock();
        ProofJtiStore store = database(kind, "janitor").onDemand(DPoPProofJtiDao.class);
        long acceptedUntil = clock.millis() + Duration.ofSeconds(60).toMillis();
        assertThat(store.markUsed("b".repeat(64), acceptedUntil)).isTrue();
        ProofJtiJanitor janitor = new ProofJtiJanitor(store, clock, Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(60));
        assertThat(janitor.sweep()).as("still inside the skew").isZero();
        assertThat(store.markUsed("b".repeat(64), acceptedUntil)).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(janitor.sweep()).isEqualTo(1);
    }
}
