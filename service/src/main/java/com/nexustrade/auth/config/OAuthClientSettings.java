package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.dpop.DPoPPolicy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One entry of {@code oauth2.clients} (or {@code oauth2.defaultClient}, which has no id): what the service requires
 * of a client that names itself with {@code client_id} at {@code /oauth2/token}. Public clients (the mobile app)
 * need no secret, so this is policy, not authentication.
 */
public class OAuthClientSettings {

    @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}")
    @JsonProperty
    private String clientId;

    @NotNull
    @JsonProperty
    private DPoPPolicy dpop = DPoPPolicy.OPTIONAL;

    public String getClientId() {
        return clientId;
    }

    public DPoPPolicy getDpop() {
        return dpop;
    }
}
