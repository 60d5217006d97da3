package com.nexustrade.repro.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The two bodies the profiles send: a JSON object (our API) and an RFC 6749 form with its client authentication. */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    static Request json(URI uri, Map<String, ?> body) {
        try {
            return Request.post(uri, List.of(Map.entry("Content-Type", "application/json")),
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** RFC 6749: form-encoded, client_id in the body for public clients, and HTTP Basic when there is a secret. */
    static Request form(TokenApi.OAuth2 oauth2, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(new TreeMap<>(fields));
        if (oauth2.clientId() != null && oauth2.clientSecret() == null) {
            all.put("client_id", oauth2.clientId()); // a public client names itself in the body (RFC 6749 §3.2.1)
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (oauth2.clientSecret() != null) {
            // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined and base64-encoded.
            String pair = formEncode(oauth2.clientId()) + ":" + formEncode(oauth2.clientSecret());
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String body = all.entrySet().stream().map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        return Request.post(oauth2.tokenEndpoint(), List.copyOf(headers.entrySet()), body);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
