package com.nexustrade.auth.access;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** The claims of an access token that passed verification; the principal of authenticated requests. */
public record VerifiedAccessToken(String subject, String username, String email, List<String> roles,
                                  List<String> permissions, String tenantId, boolean service,
                                  String tokenId, String sessionId, Instant issuedAt, Instant expiresAt)
        implements Principal {

    public VerifiedAccessToken {
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }

    @Override
    public String getName() {
        return subject;
    }
}
