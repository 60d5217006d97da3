package com.nexustrade.auth.core;

import io.jsonwebtoken.Jwts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints ES256 access tokens (RFC 9068 {@code at+jwt}) with every claim downstream services authorise on:
 * the incident's tokens lacked {@code roles}, {@code permissions} and {@code tenant_id}.
 */
public final class AccessTokenIssuer {

    public static final String TOKEN_TYPE = "at+jwt";

    private final KeyRing keys;
    private final RolePermissions rolePermissions;
    private final String issuer;
    private final String audience;
    private final Duration userTokenTtl;
    private final Duration serviceTokenTtl;
    private final Clock clock;

    public AccessTokenIssuer(KeyRing keys, RolePermissions rolePermissions, String issuer, String audience,
                             Duration userTokenTtl, Duration serviceTokenTtl, Clock clock) {
        this.keys = keys;
        this.rolePermissions = rolePermissions;
        this.issuer = issuer;
        this.audience = audience;
        this.userTokenTtl = userTokenTtl;
        this.serviceTokenTtl = serviceTokenTtl;
        this.clock = clock;
    }

    public AccessToken forUser(UserAccount user, String familyId) {
        if (user.username() == null || user.username().isBlank()) {
            // jjwt silently drops a blank subject-like value; a token without identity must never be minted.
            throw new IllegalArgumentException("a user token needs a username");
        }
        Instant now = clock.instant();
        String jwt = Jwts.builder()
                .header().keyId(keys.active().kid()).type(TOKEN_TYPE).and()
                .issuer(issuer)
                .audience().single(audience)
                .subject(user.id())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(userTokenTtl)))
                .id(UUID.randomUUID().toString())
                .claim("sid", familyId)
                .claim("username", user.username())
                .claim("email", user.email())
                .claim("roles", user.roles())
                .claim("permissions", rolePermissions.permissionsFor(user.roles()))
                .claim("tenant_id", user.tenantId())
                .signWith(keys.active().privateKey().orElseThrow(), Jwts.SIG.ES256)
                .compact();
        return new AccessToken(jwt, userTokenTtl.toSeconds());
    }

    public AccessToken forService(ServiceClient service) {
        Instant now = clock.instant();
        String jwt = Jwts.builder()
                .header().keyId(keys.active().kid()).type(TOKEN_TYPE).and()
                .issuer(issuer)
                .audience().single(audience)
                .subject("service:" + service.id())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(serviceTokenTtl)))
                .id(UUID.randomUUID().toString())
                .claim("token_use", "service")
                .claim("permissions", service.permissions())
                .signWith(keys.active().privateKey().orElseThrow(), Jwts.SIG.ES256)
                .compact();
        return new AccessToken(jwt, serviceTokenTtl.toSeconds());
    }
}
