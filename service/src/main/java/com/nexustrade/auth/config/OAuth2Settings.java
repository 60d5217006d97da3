package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.dpop.ClientPolicies;
import com.nexustrade.auth.dpop.DPoPPolicy;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code oauth2:} block: the standard token endpoint beside the JSON API of docs/api.md. */
public class OAuth2Settings {

    /**
     * The resource-owner password grant at {@code /oauth2/token}. Off: it teaches apps to collect passwords,
     * and OAuth 2.1 drops it. First-party apps already have {@code /auth/login}; turn it on only for a
     * first-party client that can speak nothing else.
     */
    @JsonProperty
    private boolean passwordGrantEnabled = false;

    /** Per-client requirements (today: DPoP), looked up by the {@code client_id} a token request names. */
    @Valid
    @NotNull
    @JsonProperty
    private List<OAuthClientSettings> clients = List.of();

    /** For callers that name no listed client, the JSON API ({@code /auth/*}) included. */
    @Valid
    @NotNull
    @JsonProperty
    private OAuthClientSettings defaultClient = new OAuthClientSettings();

    public boolean isPasswordGrantEnabled() {
        return passwordGrantEnabled;
    }

    @ValidationMethod(message = "every oauth2.clients entry needs a clientId, each listed once")
    public boolean isClientListValid() {
        return clients.stream().map(OAuthClientSettings::getClientId).allMatch(Objects::nonNull)
                && new HashSet<>(clients.stream().map(OAuthClientSettings::getClientId).toList()).size() == clients.size();
    }

    public ClientPolicies buildDPoPPolicies() {
        Map<String, DPoPPolicy> byClient = new HashMap<>();
        clients.forEach(client -> byClient.put(client.getClientId(), client.getDpop()));
        return new ClientPolicies(byClient, defaultClient.getDpop());
    }
}
