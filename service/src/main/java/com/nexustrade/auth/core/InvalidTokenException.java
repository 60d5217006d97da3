package com.nexustrade.auth.core;

/** 401: an access token that is missing, malformed, forged, expired or not ours. */
public class InvalidTokenException extends AuthException {
    public InvalidTokenException(String description) {
        super(401, "invalid_token", description);
    }
}
