package com.nexustrade.repro.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A JWS in compact form, split and decoded but not trusted: {@link JwsVerifier} decides that. */
public record DecodedJwt(JsonNode header, JsonNode payload, String signingInput, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DecodedJwt decode(String token) {
        if (token == null || token.isBlank()) {
            throw new MalformedJwtException("the access token is missing or empty");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedJwtException("the access token has " + parts.length + " dot-separated parts, a JWS has 3");
        }
        return new DecodedJwt(jsonObject(parts[0], "header"), jsonObject(parts[1], "payload"),
                parts[0] + "." + parts[1], base64Url(parts[2], "signature"));
    }

    public String alg() {
        return text(header, "alg");
    }

    public String kid() {
        return text(header, "kid");
    }

    public String typ() {
        return text(header, "typ");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode jsonObject(String part, String name) {
        try {
            JsonNode node = JSON.readTree(base64Url(part, name));
            if (node == null || !node.isObject()) {
                throw new MalformedJwtException("the JWT " + name + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJwtException("the JWT " + name + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJwtException("the JWT " + name + " cannot be read: " + e.getMessage());
        }
    }

    private static byte[] base64Url(String part, String name) {
        try {
            return Base64.getUrlDecoder().decode(part.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new MalformedJwtException("the JWT " + name + " is not base64url: " + e.getMessage());
        }
    }
}
