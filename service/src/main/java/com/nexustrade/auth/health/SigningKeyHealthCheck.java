package com.nexustrade.auth.health;

import com.codahale.metrics.health.HealthCheck;
import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.access.AccessTokenVerifier;

import java.util.List;

/** Healthy when a token signed with the active key verifies against the published key ring. */
public final class SigningKeyHealthCheck extends HealthCheck {

    private final AccessTokenIssuer issuer;
    private final AccessTokenVerifier verifier;

    public SigningKeyHealthCheck(AccessTokenIssuer issuer, AccessTokenVerifier verifier) {
        this.issuer = issuer;
        this.verifier = verifier;
    }

    @Override
    protected Result check() {
        String probe = issuer.forService("health-probe", List.of()).jwt();
        verifier.verify(probe);
        return Result.healthy("ES256 sign and verify round trip works");
    }
}
