package com.nexustrade.auth.resources;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.keys.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public signing keys (RFC 7517 JWK Set), for downstream services that verify our tokens. */
@Path("/.well-known/jwks.json")
@Produces(JsonMediaType.UTF8)
public class JwksResource {

    private final Map<String, List<Map<String, ?>>> jwkSet;

    public JwksResource(KeyRing keys) {
        this.jwkSet = Map.of("keys", keys.all().stream().<Map<String, ?>>map(key -> new LinkedHashMap<>(key.jwk())).toList());
    }

    @GET
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300); // verifiers may cache it; a new key is published before it signs (docs/operations.md)
        return Response.ok(jwkSet).cacheControl(cache).build();
    }
}
