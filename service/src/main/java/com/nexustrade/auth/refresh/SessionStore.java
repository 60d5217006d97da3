package com.nexustrade.auth.refresh;

/**
 * Sessions (token families) as a whole; {@code db.SessionDao} implements it with SQL. Kept apart from
 * {@link RefreshTokenStore}: these are the operator's and the resource servers' questions, not the rotation's.
 */
public interface SessionStore {

    /** Whether the session exists, is not revoked and has not reached its absolute end at {@code now}. */
    boolean isLive(String familyId, long now);

    /** Ends every live session of the user (seals wiped with them); returns how many there were. */
    int revokeAllOfUser(String userId, long now, String reason);
}
