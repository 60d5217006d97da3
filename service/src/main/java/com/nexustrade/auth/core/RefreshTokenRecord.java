package com.nexustrade.auth.core;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * One stored refresh token as the rotation rule sees it: its own row, its family's revocation and its
 * successor's state, read in one query. Times are epoch milliseconds; null means "not yet".
 */
public record RefreshTokenRecord(
        @ColumnName("id") String id,
        @ColumnName("family_id") String familyId,
        @ColumnName("user_id") String userId,
        @ColumnName("parent_id") String parentId,
        @ColumnName("expires_at") long expiresAt,
        @ColumnName("used_at") Long usedAt,
        @ColumnName("successor_id") String successorId,
        @ColumnName("sealed_successor") String sealedSuccessor,
        @ColumnName("replay_until") Long replayUntil,
        @ColumnName("successor_used_at") Long successorUsedAt,
        @ColumnName("successor_expires_at") Long successorExpiresAt,
        @ColumnName("family_revoked_at") Long familyRevokedAt) {

    public boolean isActive() {
        return usedAt == null;
    }

    public boolean isFamilyRevoked() {
        return familyRevokedAt != null;
    }
}
