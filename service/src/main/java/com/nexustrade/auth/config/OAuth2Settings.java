package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code oauth2:} block: the standard token endpoint beside the JSON API of docs/api.md. */
public class OAuth2Settings {

    /**
     * The resource-owner password grant at {@code /oauth2/token}. Off: it teaches apps to collect passwords,
     * and OAuth 2.1 drops it. First-party apps already have {@code /auth/login}; turn it on only for a
     * first-party client that can speak nothing else.
     */
    @JsonProperty
    private boolean passwordGrantEnabled = false;

    public boolean isPasswordGrantEnabled() {
        return passwordGrantEnabled;
    }
}
