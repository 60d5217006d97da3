package com.nexustrade.auth.access;

/**
 * A signed access token and its lifetime in seconds, as the token response needs them; {@code dpopJkt} is the key
 * it is bound to ({@code cnf.jkt}, token type DPoP), null for a Bearer token.
 */
public record AccessToken(String jwt, long expiresInSeconds, String dpopJkt) {

    public AccessToken(String jwt, long expiresInSeconds) {
        this(jwt, expiresInSeconds, null);
    }

    public boolean isDPoPBound() {
        return dpopJkt != null;
    }
}
