package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.access.VerifiedAccessToken;

import java.util.List;

public record MeResponse(
        @JsonProperty("sub") String sub,
        @JsonProperty("username") String username,
        @JsonProperty("email") String email,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("permissions") List<String> permissions,
        @JsonProperty("tenant_id") String tenantId) {

    public static MeResponse of(VerifiedAccessToken token) {
        return new MeResponse(token.subject(), token.username(), token.email(), token.roles(), token.permissions(),
                token.tenantId());
    }
}
