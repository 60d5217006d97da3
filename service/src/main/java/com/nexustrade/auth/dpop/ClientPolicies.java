package com.nexustrade.auth.dpop;

import java.util.Map;

/**
 * The DPoP policy of each OAuth client ({@code oauth2.clients[].dpop}); every other caller, the JSON API
 * included, gets {@code oauth2.defaultClient.dpop}.
 */
public record ClientPolicies(Map<String, DPoPPolicy> byClientId, DPoPPolicy defaultPolicy) {

    public ClientPolicies {
        byClientId = Map.copyOf(byClientId);
    }

    /** @param clientId the client the request names, null when it names none */
    public DPoPPolicy forClient(String clientId) {
        return clientId == null ? defaultPolicy : byClientId.getOrDefault(clientId, defaultPolicy);
    }
}
