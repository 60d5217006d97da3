package com.nexustrade.auth.refresh;

/**
 * A session (token family) without its tokens: what the rule needs to answer a stamped token whose row is gone
 * (docs/rotation.md, "What the store keeps"). Times are epoch milliseconds; {@code revokedAt} is null while live.
 */
public record FamilyRecord(String id, String userId, Long revokedAt, long endsAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
