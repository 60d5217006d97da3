package com.nexustrade.auth.common;

/** 400 {@code unsupported_grant_type} (RFC 6749 §5.2). */
public class UnsupportedGrantTypeException extends AuthException {
    public UnsupportedGrantTypeException(String grantType) {
        super(400, "unsupported_grant_type", "The grant type '" + grantType.replaceAll("[^A-Za-z0-9_:.-]", "?")
                + "' is not supported here.");
    }
}
