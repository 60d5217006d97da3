package com.nexustrade.auth.access;

/** A signed access token and its lifetime in seconds, as the token response needs them. */
public record AccessToken(String jwt, long expiresInSeconds) {
}
