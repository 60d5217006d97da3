package com.nexustrade.auth.resources;

import com.nexustrade.auth.dpop.ServerNonces;
import com.nexustrade.auth.dpop.UseDPoPNonceException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * With {@code dpop.requireNonce}: every answer of the endpoints that take proofs carries the current nonce, so a
 * client always holds a fresh one and meets {@code use_dpop_nonce} only on its first request (RFC 9449 §8.2).
 */
public final class DPoPNonceFilter implements ContainerResponseFilter {

    private final ServerNonces nonces;

    public DPoPNonceFilter(ServerNonces nonces) {
        this.nonces = nonces;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("auth/") || path.equals("oauth2/token"))
                && !response.getHeaders().containsKey(UseDPoPNonceException.HEADER)) {
            response.getHeaders().putSingle(UseDPoPNonceException.HEADER, nonces.current());
        }
    }
}
