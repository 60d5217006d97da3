package com.nexustrade.auth.auth;

import com.nexustrade.auth.access.VerifiedAccessToken;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) and nothing else. Dropwizard's stock OAuth filter
 * also takes {@code ?access_token=} from the query string, which puts tokens into access logs and caches.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter extends AuthFilter<String, VerifiedAccessToken> {

    private static final String SCHEME = "Bearer";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = headers != null && headers.size() == 1 ? bearerToken(headers.get(0)) : null;
        if (!authenticate(request, token, SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    private static String bearerToken(String header) {
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String token = header.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }

    public static final class Builder extends AuthFilterBuilder<String, VerifiedAccessToken, BearerTokenFilter> {
        @Override
        protected BearerTokenFilter newInstance() {
            return new BearerTokenFilter();
        }
    }
}
