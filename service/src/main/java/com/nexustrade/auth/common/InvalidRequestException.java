package com.nexustrade.auth.common;

/** 400: the request is malformed or misses a required field. */
public class InvalidRequestException extends AuthException {
    public InvalidRequestException(String description) {
        super(400, "invalid_request", description);
    }
}
