package com.nexustrade.auth.refresh;

import com.nexustrade.auth.users.UserAccount;

/**
 * A successful refresh: the successor the caller must now hold, how it was reached, and the session's owner
 * as the same read saw them (null when the user was deleted), for the new access token.
 */
public record RotationOutcome(Kind kind, IssuedRefreshToken successor, UserAccount owner) {

    public enum Kind {
        /** This call rotated the token. */
        ROTATED,
        /** Another call rotated it moments ago; this one gets the same successor. */
        GRACE_REPLAY
    }
}
