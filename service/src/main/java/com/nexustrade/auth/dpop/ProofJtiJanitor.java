package com.nexustrade.auth.dpop;

import com.nexustrade.auth.common.PeriodicSweep;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the jti store bounded: a jti is only needed while its proof's iat is within the accepted skew, after that
 * the iat check refuses the proof anyway. The table therefore holds at most the proofs of the last
 * {@code 2 x dpop.maxClockSkew} (plus one sweep interval).
 */
public final class ProofJtiJanitor extends PeriodicSweep {

    private final ProofJtiStore store;
    private final Clock clock;

    public ProofJtiJanitor(ProofJtiStore store, Clock clock, Duration interval) {
        super("dpop-jti-janitor", interval);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        return store.deleteExpired(clock.millis());
    }
}
