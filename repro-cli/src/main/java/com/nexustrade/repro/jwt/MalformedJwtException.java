package com.nexustrade.repro.jwt;

/** The access token is not a JWS compact serialisation the tool can read; the message says why. */
public class MalformedJwtException extends RuntimeException {

    public MalformedJwtException(String message) {
        super(message);
    }
}
