package com.nexustrade.auth.common;

/**
 * Root of every failure a client can cause. Each subclass carries the OAuth 2.0 error code and HTTP
 * status of docs/api.md ("Error codes"), so one exception mapper turns them all into the same JSON body.
 */
public abstract class AuthException extends RuntimeException {

    private final int status;
    private final String errorCode;

    protected AuthException(int status, String errorCode, String description) {
        super(description, null, false, false); // client errors: the stack trace would only be noise
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The reason field of the error body (only {@code invalid_grant} has one). */
    public String getReason() {
        return null;
    }

    /** Response headers the error needs, such as a WWW-Authenticate challenge or Retry-After. */
    public java.util.Map<String, String> getHeaders() {
        return java.util.Map.of();
    }

    public int getStatus() {
        return status;
    }

    public String getErrorCode() {
        return errorCode;
    }

    /** The human sentence of the error body; never contains a token, password or secret. */
    public String getDescription() {
        return getMessage();
    }
}
