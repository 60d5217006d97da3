package com.nexustrade.auth.access;

import com.nexustrade.auth.common.AuthException;

import java.util.Map;

/** 401: an access token that is missing, malformed, forged, expired or not ours. */
public class InvalidTokenException extends AuthException {
    public InvalidTokenException(String description) {
        super(401, "invalid_token", description);
    }

    @Override
    public Map<String, String> getHeaders() {
        return Map.of("WWW-Authenticate", "Bearer realm=\"nexus-auth\", error=\"invalid_token\"");
    }
}
