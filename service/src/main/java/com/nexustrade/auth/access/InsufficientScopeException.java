package com.nexustrade.auth.access;

import com.nexustrade.auth.common.AuthException;

/** 403: a valid access token that may not do this. */
public class InsufficientScopeException extends AuthException {
    public InsufficientScopeException(String description) {
        super(403, "insufficient_scope", description);
    }
}
