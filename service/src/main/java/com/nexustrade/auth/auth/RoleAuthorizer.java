package com.nexustrade.auth.auth;

import com.nexustrade.auth.access.VerifiedAccessToken;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Backs {@code @RolesAllowed}: a name is allowed when the token carries it as a role or as a permission.
 * Without an authorizer of its own, dropwizard-auth would permit everyone.
 */
public final class RoleAuthorizer implements Authorizer<VerifiedAccessToken> {

    @Override
    public boolean authorize(VerifiedAccessToken token, String role, ContainerRequestContext request) {
        return token.roles().contains(role) || token.permissions().contains(role);
    }
}
