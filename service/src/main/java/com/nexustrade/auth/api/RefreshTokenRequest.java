package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code /auth/refresh} and {@code /auth/logout}; its shape is checked by the resource. */
public record RefreshTokenRequest(@JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[refresh_token=[redacted]]";
    }
}
