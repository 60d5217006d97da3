package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.core.TokenPair;

import java.time.Clock;
import java.time.Duration;

/** The token pair of login and refresh (docs/api.md, RFC 6749 §5.1). */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

    public static TokenResponse of(TokenPair pair, Clock clock) {
        long refreshSeconds = Math.max(0, Duration.between(clock.instant(), pair.refreshToken().expiresAt()).toSeconds());
        // RFC 9449 §5: a key-bound access token is of type DPoP and must be sent with that scheme.
        String type = pair.accessToken().isDPoPBound() ? "DPoP" : "Bearer";
        return new TokenResponse(pair.accessToken().jwt(), type, pair.accessToken().expiresInSeconds(),
                pair.refreshToken().token(), refreshSeconds);
    }

    @Override
    public String toString() {
        return "TokenResponse[tokens redacted, expires_in=" + expiresIn + "]";
    }
}
