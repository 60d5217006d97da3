package com.nexustrade.auth.services;

import com.nexustrade.auth.common.AuthException;

import java.util.Map;

/** 401 on service authentication: missing, malformed, unknown or wrongly authenticated service. */
public class InvalidClientException extends AuthException {

    private final String challengeScheme;

    public InvalidClientException(String description) {
        this(description, "X-Internal-Service");
    }

    /** @param challengeScheme the scheme of the WWW-Authenticate challenge, e.g. Basic at the OAuth 2.0 endpoints */
    public InvalidClientException(String description, String challengeScheme) {
        super(401, "invalid_client", description);
        this.challengeScheme = challengeScheme;
    }

    /** The same failure, challenged with another scheme. */
    public InvalidClientException withChallenge(String scheme) {
        return new InvalidClientException(getDescription(), scheme);
    }

    @Override
    public Map<String, String> getHeaders() {
        return Map.of("WWW-Authenticate", challengeScheme + " realm=\"nexus-auth\"");
    }
}
