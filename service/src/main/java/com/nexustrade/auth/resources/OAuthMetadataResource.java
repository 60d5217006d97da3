package com.nexustrade.auth.resources;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8414 authorization server metadata. {@code issuer} is the tokens' {@code iss}, and every endpoint is built
 * from it: never from the request's {@code Host} header, which any client sets (a poisoned cache would send the
 * next client's credentials elsewhere). Verifiers may cache it for as long as the JWKS.
 */
@Path("/.well-known/oauth-authorization-server")
@Produces(JsonMediaType.UTF8)
public class OAuthMetadataResource {

    private final String issuer;
    private final boolean passwordGrantEnabled;

    public OAuthMetadataResource(String issuer, boolean passwordGrantEnabled) {
        this.issuer = issuer;
        this.passwordGrantEnabled = passwordGrantEnabled;
    }

    @GET
    public Response metadata() {
        String base = issuer.replaceAll("/+$", "");
        List<String> grants = passwordGrantEnabled
                ? List.of("refresh_token", "client_credentials", "password")
                : List.of("refresh_token", "client_credentials");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("token_endpoint", base + "/oauth2/token");
        metadata.put("jwks_uri", base + "/.well-known/jwks.json");
        metadata.put("revocation_endpoint", base + "/oauth2/revoke");
        metadata.put("introspection_endpoint", base + "/oauth2/introspect");
        metadata.put("grant_types_supported", grants);
        metadata.put("response_types_supported", List.of());
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256"));
        // RFC 9449 §5.1: the proof algorithms /oauth2/token, /auth/login, /auth/refresh and /auth/me accept.
        metadata.put("dpop_signing_alg_values_supported",
                ProofVerifier.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(metadata).cacheControl(cache).build();
    }
}
