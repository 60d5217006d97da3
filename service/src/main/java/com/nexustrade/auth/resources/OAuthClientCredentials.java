package com.nexustrade.auth.resources;

import com.nexustrade.auth.common.InvalidRequestException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Client authentication at the OAuth 2.0 endpoints (RFC 6749 §2.3.1): HTTP Basic, or {@code client_id} and
 * {@code client_secret} in the form. Using both at once is refused, as the RFC requires.
 */
record OAuthClientCredentials(String clientId, String clientSecret) {

    static Optional<OAuthClientCredentials> from(String authorization, String formClientId, String formSecret) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && formSecret != null) {
            throw new InvalidRequestException("Use one client authentication method: HTTP Basic or the form.");
        }
        if (basic) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("The Basic credentials are not base64.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new InvalidRequestException("The Basic credentials lack the ':' separator.");
            }
            return Optional.of(new OAuthClientCredentials(formDecode(decoded.substring(0, colon)),
                    formDecode(decoded.substring(colon + 1))));
        }
        if (formSecret != null) {
            return Optional.of(new OAuthClientCredentials(formClientId, formSecret));
        }
        return Optional.empty();
    }

    /** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded. */
    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The Basic credentials are not form-encoded.");
        }
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[clientId=" + clientId + ", secret=[redacted]]";
    }
}
