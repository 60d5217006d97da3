package com.nexustrade.auth.access;

import com.nexustrade.auth.common.Ids;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.users.UserAccount;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Mints ES256 access tokens (RFC 9068 {@code at+jwt}) with every claim downstream services authorise on:
 * the incident's tokens lacked {@code roles}, {@code permissions} and {@code tenant_id}.
 */
public final class AccessTokenIssuer {

    public static final String TOKEN_TYPE = "at+jwt";
    public static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final KeyRing keys;
    private final RolePermissions rolePermissions;
    private final String issuer;
    private final String audience;
    private final Duration userTokenTtl;
    private final Duration serviceTokenTtl;
    private final Clock clock;
    private final Provider signatureProvider;

    /** Signs with the faster ES256 provider of the running JDK ({@link #fastestEs256Provider}). */
    public AccessTokenIssuer(KeyRing keys, RolePermissions rolePermissions, IssuerAndAudience parties,
                             Duration userTokenTtl, Duration serviceTokenTtl, Clock clock) {
        this(keys, rolePermissions, parties, userTokenTtl, serviceTokenTtl, clock,
                fastestEs256Provider(Runtime.version().feature()));
    }

    /**
     * SunEC signs faster than BouncyCastle from JDK 25 on, slower before (benchmarks/SigningBenchmark; the figures
     * are in docs/performance.md, "JMH benchmarks of the hot pieces"). JDK 21 was not measured, so it keeps
     * BouncyCastle.
     *
     * @return the provider to sign with, null for the JDK's own
     */
    static Provider fastestEs256Provider(int javaFeatureVersion) {
        return javaFeatureVersion >= 25 ? null : BOUNCY_CASTLE;
    }

    /** @param signatureProvider the JCA provider of the ES256 signature, or null for the JDK's own */
    public AccessTokenIssuer(KeyRing keys, RolePermissions rolePermissions, IssuerAndAudience parties,
                             Duration userTokenTtl, Duration serviceTokenTtl, Clock clock, Provider signatureProvider) {
        this.keys = keys;
        this.rolePermissions = rolePermissions;
        this.issuer = parties.issuer();
        this.audience = parties.audience();
        this.userTokenTtl = userTokenTtl;
        this.serviceTokenTtl = serviceTokenTtl;
        this.clock = clock;
        this.signatureProvider = signatureProvider;
    }

    public AccessToken forUser(UserAccount user, String familyId) {
        return forUser(user, familyId, null);
    }

    /** @param dpopJkt the device key the token is bound to (RFC 9449 §6.1 {@code cnf.jkt}), null for Bearer */
    public AccessToken forUser(UserAccount user, String familyId, String dpopJkt) {
        if (user.username() == null || user.username().isBlank()) {
            // jjwt silently drops a blank subject-like value; a token without identity must never be minted.
            throw new IllegalArgumentException("a user token needs a username");
        }
        Instant now = clock.instant();
        JwtBuilder token = builder()
                .issuer(issuer)
                .audience().single(audience)
                .subject(user.id())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(userTokenTtl)))
                .id(Ids.newId())
                .claim("sid", familyId)
                .claim("username", user.username())
                .claim("email", user.email())
                .claim("roles", user.roles())
                .claim("permissions", rolePermissions.permissionsFor(user.roles()))
                .claim("tenant_id", user.tenantId());
        if (dpopJkt != null) {
            token.claim("cnf", Map.of("jkt", dpopJkt));
        }
        String jwt = token.signWith(keys.active().privateKey().orElseThrow(), Jwts.SIG.ES256).compact();
        return new AccessToken(jwt, userTokenTtl.toSeconds(), dpopJkt);
    }

    public AccessToken forService(String serviceId, List<String> permissions) {
        Instant now = clock.instant();
        String jwt = builder()
                .issuer(issuer)
                .audience().single(audience)
                .subject("service:" + serviceId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(serviceTokenTtl)))
                .id(Ids.newId())
                .claim("token_use", "service")
                .claim("permissions", List.copyOf(permissions))
                .signWith(keys.active().privateKey().orElseThrow(), Jwts.SIG.ES256)
                .compact();
        return new AccessToken(jwt, serviceTokenTtl.toSeconds());
    }

    private JwtBuilder builder() {
        // The ECDSA nonce comes from this thread's DRBG: jjwt's default is one SecureRandom shared by all threads.
        JwtBuilder builder = Jwts.builder().header().keyId(keys.active().kid()).type(TOKEN_TYPE).and()
                .random(Ids.secureRandom());
        return signatureProvider == null ? builder : builder.provider(signatureProvider);
    }
}
