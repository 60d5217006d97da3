package com.nexustrade.auth.refresh;

/** Why a refresh token cannot be used: the {@code reason} field of a 401 {@code invalid_grant}. */
public enum GrantFailure {
    UNKNOWN("unknown", "The refresh token is not known."),
    EXPIRED("expired", "The refresh token has expired."),
    REVOKED("revoked", "The session of this refresh token has been revoked."),
    REUSE_DETECTED("reuse_detected",
            "The refresh token was already used; the session has been revoked as a precaution."),
    /** The session is bound to a device key (DPoP) and the request did not prove possession of it. */
    DPOP_KEY_MISMATCH("dpop_key_mismatch",
            "This session is bound to another key; the session has been revoked as a precaution."),
    /** Only at the standard token endpoint: the password grant's wrong username or password (RFC 6749 §5.2). */
    INVALID_CREDENTIALS("invalid_credentials", "The username or password is incorrect.");

    private final String reason;
    private final String description;

    GrantFailure(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    public String reason() {
        return reason;
    }

    public String description() {
        return description;
    }
}
