package com.nexustrade.repro.replica;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rotation done right but for one thing, for {@link IncidentReplica#graceWithoutBinding()}: atomic, with a 30-second
 * grace window in which the rotated token answers with the same successor, and sessions "bound" at login (the
 * access token gets the proof key's cnf.jkt) while refreshes never look at a proof. That is the service before the
 * key binding: whoever presents the predecessor inside the window gets the live successor.
 */
final class GraceRotation {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int MAX_ROWS = 100_000;

    /** The session a refresh token belongs to, and the key its login named (null for a Bearer login). */
    record Family(String username, String jkt) {
    }

    /** What a refresh hands out: the successor and the session it continues. */
    record Handout(String successor, Family family) {
    }

    private static final class Row {
        final Family family;
        String successor;
        long rotatedAtNanos;

        Row(Family family) {
            this.family = family;
        }
    }

    private final Map<String, Row> rows = new HashMap<>();

    synchronized void issued(String refreshToken, Family family) {
        if (rows.size() >= MAX_ROWS) {
            rows.clear(); // a test replica: bounded, and no test holds this many sessions at once
        }
        rows.put(refreshToken, new Row(family));
    }

    /** Active: rotate it. Rotated inside the window: the same successor, to anyone. Otherwise nothing (reuse). */
    synchronized Optional<Handout> rotate(String presented, Supplier<String> newToken) {
        Row row = presented == null ? null : rows.get(presented);
        if (row == null) {
            return Optional.empty();
        }
        if (row.successor == null) {
            row.successor = newToken.get();
            row.rotatedAtNanos = System.nanoTime();
            rows.put(row.successor, new Row(row.family));
        } else if (System.nanoTime() - row.rotatedAtNanos > GRACE.toNanos() || rows.get(row.successor).successor != null) {
            return Optional.empty();
        }
        return Optional.of(new Handout(row.successor, row.family));
    }

    /** The RFC 7638 thumbprint of a DPoP proof's jwk, read and not verified (the flaw is elsewhere); null without one. */
    static String thumbprintOf(String proof) {
        if (proof == null) {
            return null;
        }
        try {
            JWK jwk = SignedJWT.parse(proof).getHeader().getJWK();
            return jwk == null ? null : jwk.computeThumbprint().toString();
        } catch (ParseException | JOSEException unreadable) {
            return null;
        }
    }
}
