package com.nexustrade.auth.access;

import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.keys.SigningKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;

import java.security.Key;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies our access tokens with a strict allow-list: ES256 only, a {@code kid} in our key ring, typ
 * {@code at+jwt}, our issuer and audience, not expired. jjwt already refuses {@code alg: none}; the locator
 * refuses everything else before a key is ever handed out, so HMAC-with-the-public-key confusion cannot start.
 */
public final class AccessTokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 4 * 1024; // ours are about 1 KiB
    private static final Set<String> ALLOWED_HEADER_PARAMETERS = Set.of("alg", "kid", "typ");

    private final JwtParser parser;

    public AccessTokenVerifier(KeyRing keys, IssuerAndAudience parties, Clock clock) {
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        if (!ALLOWED_HEADER_PARAMETERS.containsAll(header.keySet())) {
                            // crit, jku, x5u, jwk, x5c...: nothing a token of ours carries, and each one an
                            // invitation to fetch or trust a key named by the attacker.
                            throw new InvalidTokenException("The token header has parameters we do not accept.");
                        }
                        if (!"ES256".equals(header.getAlgorithm())) {
                            throw new InvalidTokenException("Only ES256 access tokens are accepted.");
                        }
                        if (!AccessTokenIssuer.TOKEN_TYPE.equals(header.getType())) {
                            throw new InvalidTokenException("The token is not an access token (typ at+jwt).");
                        }
                        return keys.byKid(header.getKeyId())
                                .map(SigningKey::publicKey)
                                .orElseThrow(() -> new InvalidTokenException("The token's signing key is unknown."));
                    }
                })
                .requireIssuer(parties.issuer())
                .requireAudience(parties.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public VerifiedAccessToken verify(String jwt) {
        if (jwt == null || jwt.isEmpty() || jwt.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("The access token is missing or too long.");
        }
        try {
            Claims claims = parser.parseSignedClaims(jwt).getPayload();
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank() || claims.getExpiration() == null || claims.getId() == null) {
                throw new InvalidTokenException("The access token lacks sub, exp or jti.");
            }
            return new VerifiedAccessToken(subject,
                    claims.get("username", String.class),
                    claims.get("email", String.class),
                    stringList(claims.get("roles")),
                    stringList(claims.get("permissions")),
                    claims.get("tenant_id", String.class),
                    "service".equals(claims.get("token_use")),
                    claims.getId(),
                    claims.get("sid", String.class),
                    claims.getIssuedAt() == null ? null : claims.getIssuedAt().toInstant(),
                    claims.getExpiration().toInstant(),
                    confirmationJkt(claims.get("cnf")));
        } catch (InvalidTokenException e) {
            throw e;
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTokenException("The access token is invalid or expired.");
        }
    }

    /** {@code cnf: {jkt}}; a cnf of any other shape is not ours and fails verification. */
    private static String confirmationJkt(Object cnf) {
        if (cnf == null) {
            return null;
        }
        if (cnf instanceof Map<?, ?> confirmation && confirmation.get("jkt") instanceof String jkt && !jkt.isBlank()) {
            return jkt;
        }
        throw new InvalidTokenException("The access token's cnf claim is not a key thumbprint.");
    }

    private static List<String> stringList(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
