package com.nexustrade.auth.refresh;

import java.util.Optional;

/**
 * What the rotation rule and the janitor need from the token tables; {@code db.RefreshTokenDao} implements it
 * with SQL. Every state change is one conditional statement or one transaction there (docs/rotation.md).
 */
public interface RefreshTokenStore {

    Optional<RefreshTokenRecord> findByHash(String tokenHash);

    /** @param dpopJkt the device key the session is bound to (docs/dpop.md), null for a Bearer session */
    void startFamily(String familyId, String userId, String tokenId, String tokenHash, long now, long expiresAt,
                     String dpopJkt);

    /** Binds a Bearer session to a device key; returns 0 when it was already bound (it keeps its first key). */
    int bindFamily(String familyId, String dpopJkt);

    /**
     * Rotates {@code current} to a new successor in one transaction. False when another caller rotated it
     * first: then nothing was written and that caller's successor is the one to replay.
     */
    boolean rotate(RefreshTokenRecord current, long now, String successorId, String successorHash,
                   long successorExpiresAt, String sealedSuccessor, Long replayUntil);

    /** True when this call revoked the family, false when it was already revoked. */
    boolean revokeFamily(String familyId, long now, String reason);

    /** Closes the grace windows that have passed (seal and window end together); returns how many. */
    int wipeExpiredSeals(long now);

    int deleteTokensExpiredBefore(long cutoff);

    int deleteEmptyFamilies();
}
