package com.nexustrade.auth.core;

/** 401 on service authentication: missing, malformed, unknown or wrongly authenticated service. */
public class InvalidClientException extends AuthException {
    public InvalidClientException(String description) {
        super(401, "invalid_client", description);
    }
}
