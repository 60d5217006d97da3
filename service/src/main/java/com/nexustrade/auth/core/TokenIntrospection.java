package com.nexustrade.auth.core;

import com.nexustrade.auth.access.IssuerAndAudience;

import com.nexustrade.auth.access.VerifiedAccessToken;

import com.nexustrade.auth.access.AccessTokenVerifier;

import com.nexustrade.auth.access.InvalidTokenException;

import com.nexustrade.auth.refresh.OpaqueTokens;
import com.nexustrade.auth.refresh.RefreshTokenRecord;

import com.nexustrade.auth.refresh.RefreshTokenStore;
import com.nexustrade.auth.refresh.SessionStore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 introspection: is this token usable right now, and what does it say? An unusable token of any
 * kind answers only {@code active: false}, so introspection tells a caller nothing about tokens it cannot use.
 * A user's access token is usable only while its session ({@code sid}) is: after logout, reuse detection, a
 * password change or {@code revoke-sessions} it is inactive here at once, although it still verifies offline
 * until it expires. Introspection is therefore the revocation path for resource servers (docs/api.md).
 */
public final class TokenIntrospection {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final AccessTokenVerifier verifier;
    private final RefreshTokenStore refreshTokens;
    private final SessionStore sessions;
    private final OpaqueTokens opaqueTokens;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenIntrospection(AccessTokenVerifier verifier, RefreshTokenStore refreshTokens, SessionStore sessions,
                              OpaqueTokens opaqueTokens, IssuerAndAudience parties, Clock clock) {
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.opaqueTokens = opaqueTokens;
        this.issuer = parties.issuer();
        this.audience = parties.audience();
        this.clock = clock;
    }

    public Map<String, Object> introspect(String token) {
        if (token == null || token.isEmpty()) {
            return INACTIVE;
        }
        return OpaqueTokens.couldBeRefreshToken(token) ? refreshToken(token) : accessToken(token);
    }

    private Map<String, Object> accessToken(String jwt) {
        VerifiedAccessToken token;
        try {
            token = verifier.verify(jwt);
        } catch (InvalidTokenException unusable) {
            return INACTIVE;
        }
        if (!token.service() && !sessions.isLive(token.sessionId(), clock.millis())) {
            return INACTIVE;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", token.isDPoPBound() ? "DPoP" : "Bearer");
        answer.put("iss", issuer);
        answer.put("aud", audience);
        answer.put("sub", token.subject());
        answer.put("jti", token.tokenId());
        answer.put("iat", token.issuedAt() == null ? null : token.issuedAt().getEpochSecond());
        answer.put("exp", token.expiresAt().getEpochSecond());
        answer.put("permissions", token.permissions());
        if (token.service()) {
            answer.put("token_use", "service");
            answer.put("client_id", token.subject().substring("service:".length()));
        } else {
            answer.put("username", token.username());
            answer.put("email", token.email());
            answer.put("roles", token.roles());
            answer.put("tenant_id", token.tenantId());
            answer.put("sid", token.sessionId());
        }
        if (token.isDPoPBound()) {
            answer.put("cnf", Map.of("jkt", token.dpopJkt())); // RFC 9449 §6.2: the resource server checks the key
        }
        return answer;
    }

    private Map<String, Object> refreshToken(String presented) {
        Optional<RefreshTokenRecord> record = opaqueTokens.lookupHash(presented).flatMap(refreshTokens::findByHash);
        if (record.isEmpty()) {
            return INACTIVE;
        }
        RefreshTokenRecord token = record.get();
        // A rotated token is only a replay, not an active grant.
        if (!token.wouldRotateAt(clock.millis())) {
            return INACTIVE;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", "refresh_token");
        answer.put("iss", issuer);
        answer.put("sub", token.userId());
        answer.put("sid", token.familyId());
        answer.put("exp", token.expiresAt() / 1000);
        if (token.isBoundToKey()) {
            answer.put("cnf", Map.of("jkt", token.familyDpopJkt()));
        }
        return answer;
    }
}
