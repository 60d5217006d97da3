package com.nexustrade.auth.auth;

import com.nexustrade.auth.access.AccessTokenVerifier;
import com.nexustrade.auth.access.InvalidTokenException;
import com.nexustrade.auth.access.VerifiedAccessToken;
import io.dropwizard.auth.Authenticator;

import java.util.Optional;

/** Bridges dropwizard-auth to the verifier: a token that fails verification is simply "not authenticated". */
public final class AccessTokenAuthenticator implements Authenticator<String, VerifiedAccessToken> {

    private final AccessTokenVerifier verifier;

    public AccessTokenAuthenticator(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Optional<VerifiedAccessToken> authenticate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(token));
        } catch (InvalidTokenException rejected) {
            return Optional.empty();
        }
    }
}
