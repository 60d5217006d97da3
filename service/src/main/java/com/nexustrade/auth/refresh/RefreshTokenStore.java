package com.nexustrade.auth.refresh;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rotation rule and the janitor need from the token tables; {@code db.RefreshTokenDao} implements it
 * with SQL. Every state change is one conditional statement or one transaction there (docs/rotation.md).
 */
public interface RefreshTokenStore extends TokenLookup {

    /**
     * A new family whose tokens never outlive {@code sessionEndsAt}, with its first token.
     *
     * @param dpopJkt the device key the session is bound to (docs/dpop.md), null for a Bearer session
     */
    void startFamily(String familyId, String userId, String tokenId, String tokenHash, long now, long expiresAt,
                     long sessionEndsAt, String dpopJkt);

    /** Binds a Bearer session to a device key; returns 0 when it was already bound (it keeps its first key). */
    int bindFamily(String familyId, String dpopJkt);

    /**
     * Rotates {@code current} to a new successor in one transaction. False when another caller rotated it
     * first: then nothing was written and that caller's successor is the one to replay.
     */
    boolean rotate(RefreshTokenRecord current, long now, String successorId, String successorHash,
                   long successorExpiresAt, String sealedSuccessor, Long replayUntil);

    /** The session itself, for a stamped token whose row is gone; empty once the session is purged. */
    Optional<FamilyRecord> findFamily(String familyId);

    /** True when this call revoked the family, false when it was already revoked. */
    boolean revokeFamily(String familyId, long now, String reason);

    /** Closes up to {@code limit} grace windows that have passed (seal and window end together); returns how many. */
    int wipeExpiredSeals(long now, int limit);

    /** Up to {@code limit} tokens that expired before {@code cutoff}: token id to family id. */
    Map<String, String> tokensExpiredBefore(long cutoff, int limit);

    void deleteTokens(Collection<String> tokenIds);

    /**
     * Up to {@code limit} sessions that ended (revoked, or past their absolute end) before {@code endedBefore}. The
     * one place that says when a session has ended (its used tokens are then no longer needed for reuse detection); a session whose every token
     * expired ends by losing its last token to the expiry purge.
     */
    List<String> endedFamilies(long endedBefore, int limit);

    /** Deletes up to {@code limit} tokens of the family; returns how many. */
    int deleteTokensOfFamily(String familyId, int limit);

    /** Deletes those of the given families that hold no token any more; returns how many. */
    int deleteFamiliesWithoutTokens(Collection<String> familyIds);
}
