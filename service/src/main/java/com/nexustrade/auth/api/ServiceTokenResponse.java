package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.access.AccessToken;

public record ServiceTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static ServiceTokenResponse of(AccessToken token) {
        return new ServiceTokenResponse(token.jwt(), "Bearer", token.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "ServiceTokenResponse[token redacted, expires_in=" + expiresIn + "]";
    }
}
