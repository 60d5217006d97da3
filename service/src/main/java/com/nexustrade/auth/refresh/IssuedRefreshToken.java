package com.nexustrade.auth.refresh;

import java.time.Instant;

/**
 * A refresh token handed to a client, with the session it belongs to. The plaintext exists only here,
 * on its way to the response; {@link #toString()} redacts it so it cannot leak into a log line.
 */
public record IssuedRefreshToken(String token, Instant expiresAt, String familyId, String userId) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[token=" + OpaqueTokens.redact(token) + ", expiresAt=" + expiresAt
                + ", familyId=" + familyId + ", userId=" + userId + "]";
    }
}
