package com.nexustrade.auth.common;

/** 413: the request body exceeds the limit; nothing of it was processed. */
public class RequestTooLargeException extends AuthException {
    public RequestTooLargeException(int limitBytes) {
        super(413, "request_too_large", "The request body is larger than " + limitBytes + " bytes.");
    }
}
