package com.nexustrade.auth.access;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * The claims of an access token that passed verification; the principal of authenticated requests.
 * {@code dpopJkt} is its {@code cnf.jkt} (RFC 9449 §6.1): the key a request with it must prove, null for Bearer.
 */
public record VerifiedAccessToken(String subject, String username, String email, List<String> roles,
                                  List<String> permissions, String tenantId, boolean service,
                                  String tokenId, String sessionId, Instant issuedAt, Instant expiresAt,
                                  String dpopJkt)
        implements Principal {

    public VerifiedAccessToken {
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }

    public boolean isDPoPBound() {
        return dpopJkt != null;
    }

    @Override
    public String getName() {
        return subject;
    }
}
