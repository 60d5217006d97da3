package com.nexustrade.auth.core;

/** A successful refresh: the successor the caller must now hold, and how it was reached. */
public record RotationOutcome(Kind kind, IssuedRefreshToken successor) {

    public enum Kind {
        /** This call rotated the token. */
        ROTATED,
        /** Another call rotated it moments ago; this one gets the same successor. */
        GRACE_REPLAY
    }
}
