package com.nexustrade.repro.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a target says about itself in its RFC 8414 metadata: the name it knows itself by ({@code issuer},
 * {@code token_endpoint}: what DPoP proofs must name as htu, whatever address repro reaches it by) and whether it
 * takes DPoP proofs ({@code dpop_signing_alg_values_supported}, RFC 9449 §5.1). A target without metadata says nothing.
 */
public record ServerMetadata(boolean published, Optional<URI> issuer, Optional<URI> tokenEndpoint,
                             List<String> dpopAlgorithms) {

    public static final String PATH = "/.well-known/oauth-authorization-server";

    public ServerMetadata {
        dpopAlgorithms = List.copyOf(dpopAlgorithms);
    }

    static ServerMetadata none() {
        return new ServerMetadata(false, Optional.empty(), Optional.empty(), List.of());
    }

    static ServerMetadata of(HttpAnswer answer) {
        if (answer.status() != 200) {
            return none();
        }
        JsonNode json = answer.json();
        if (json.isEmpty()) {
            return none();
        }
        List<String> algorithms = new ArrayList<>();
        json.path("dpop_signing_alg_values_supported").forEach(alg -> algorithms.add(alg.asText()));
        return new ServerMetadata(true, httpUri(json, "issuer"), httpUri(json, "token_endpoint"), algorithms);
    }

    /** Whether the target says it takes DPoP proofs: then it must bind sessions to their key. */
    public boolean advertisesDPoP() {
        return !dpopAlgorithms.isEmpty();
    }

    private static Optional<URI> httpUri(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.asText());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
