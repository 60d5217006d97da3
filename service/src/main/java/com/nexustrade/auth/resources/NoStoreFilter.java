package com.nexustrade.auth.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.Map;

/** Token responses must not be cached by any proxy or client (RFC 6749 §5.1). */
public final class NoStoreFilter implements ContainerResponseFilter {

    /** What every token endpoint's answer carries, also when it is answered before Jersey. */
    static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("auth/") || path.startsWith("oauth2/")) {
            HEADERS.forEach(response.getHeaders()::putSingle);
        }
    }
}
