package com.nexustrade.repro.http;

import java.net.URI;

/**
 * How a target logs users in and rotates their refresh tokens: our own JSON API (CONTRACT §1), or a standard
 * RFC 6749 token endpoint with form bodies, as Keycloak, Ory Hydra and Auth0-style servers have.
 */
public sealed interface TokenApi permits TokenApi.Contract, TokenApi.OAuth2 {

    /** The profile's name, as --profile takes it and reports show it. */
    String profile();

    /** POST JSON to the login and refresh paths; a refused refresh is 401 invalid_grant. */
    record Contract() implements TokenApi {
        @Override
        public String profile() {
            return "contract";
        }
    }

    /**
     * POST a form to the token endpoint: grant_type=password to log in, grant_type=refresh_token to refresh;
     * a refused refresh is 400 invalid_grant (RFC 6749 §5.2). The secret is null for public clients; when given
     * it goes as HTTP Basic (RFC 6749 §2.3.1), which every server must accept.
     */
    record OAuth2(URI tokenEndpoint, String clientId, String clientSecret) implements TokenApi {
        @Override
        public String profile() {
            return "oauth2";
        }

        @Override
        public String toString() {
            return "OAuth2[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                    + (clientSecret == null ? ", public client]" : ", clientSecret=(hidden)]");
        }
    }
}
