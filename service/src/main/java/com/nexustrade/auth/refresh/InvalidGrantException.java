package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.AuthException;

/** 401 {@code invalid_grant}: a refresh token that cannot be used, with the reason a client can act on. */
public class InvalidGrantException extends AuthException {

    private final GrantFailure failure;

    /** 401, as docs/api.md has it for {@code /auth/refresh}. */
    public InvalidGrantException(GrantFailure failure) {
        this(401, failure);
    }

    /** With another status: RFC 6749 §5.2 answers 400 at the standard token endpoint. */
    public InvalidGrantException(int status, GrantFailure failure) {
        super(status, "invalid_grant", failure.description());
        this.failure = failure;
    }

    @Override
    public String getReason() {
        return failure.reason();
    }

    public GrantFailure getFailure() {
        return failure;
    }
}
