package com.nexustrade.auth.core;

/** 401 {@code invalid_grant}: a refresh token that cannot be used, with the reason a client can act on. */
public class InvalidGrantException extends AuthException {

    private final GrantFailure failure;

    public InvalidGrantException(GrantFailure failure) {
        super(401, "invalid_grant", failure.description());
        this.failure = failure;
    }

    public GrantFailure getFailure() {
        return failure;
    }
}
