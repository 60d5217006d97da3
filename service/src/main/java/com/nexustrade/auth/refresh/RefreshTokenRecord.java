package com.nexustrade.auth.refresh;

import com.nexustrade.auth.users.UserAccount;

/**
 * One stored refresh token as the rotation rule sees it: its own row, its family's revocation, its
 * successor's state, the session's absolute end ({@code tokens.sessionMaxLifetime} after its login) and owner,
 * read in one query. Times are epoch milliseconds; null means "not yet". {@code owner} is null when the user was
 * deleted. {@code familyDpopJkt} is the thumbprint of the device key the session is bound to (docs/dpop.md), null
 * for a Bearer session.
 */
public record RefreshTokenRecord(
        String id,
        String familyId,
        String userId,
        String parentId,
        long expiresAt,
        Long usedAt,
        String successorId,
        String sealedSuccessor,
        Long replayUntil,
        Long successorUsedAt,
        Long successorExpiresAt,
        Long familyRevokedAt,
        long sessionEndsAt,
        UserAccount owner,
        String familyDpopJkt) {

    public boolean isActive() {
        return usedAt == null;
    }

    /** Past its own expiry or its session's absolute end: refused as {@code expired}. */
    public boolean isExpiredAt(long nowMillis) {
        return nowMillis >= expiresAt || nowMillis >= sessionEndsAt;
    }

    /** A refresh with this token now would rotate it (not replay, not refuse): what "active" means to RFC 7662. */
    public boolean wouldRotateAt(long nowMillis) {
        return isActive() && !isFamilyRevoked() && !isExpiredAt(nowMillis);
    }

    /**
     * The successor has been used: its {@code used_at} is set, or its row is gone, which happens only once it is
     * spent (docs/rotation.md, "What the store keeps"). Either way this token no longer replays.
     */
    public boolean isSuccessorSpent() {
        return successorUsedAt != null || (successorId != null && successorExpiresAt == null);
    }

    public boolean isBoundToKey() {
        return familyDpopJkt != null;
    }

    public boolean isFamilyRevoked() {
        return familyRevokedAt != null;
    }
}
