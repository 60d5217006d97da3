package com.nexustrade.repro.jwt;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Public keys out of a JWK Set (RFC 7517/7518), with the JDK alone: EC P-256/384/521 and RSA. */
public final class JwkKeys {

    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private JwkKeys() {
    }

    /** The key of the set with this kid; with no kid, the only key of a one-key set. */
    public static Optional<JsonNode> find(JsonNode jwkSet, String kid) {
        JsonNode keys = jwkSet.path("keys");
        if (!keys.isArray()) {
            return Optional.empty();
        }
        if (kid == null) {
            return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
        }
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asText(null))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public static PublicKey publicKey(JsonNode jwk) {
        String kty = jwk.path("kty").asText("");
        try {
            return switch (kty) {
                case "EC" -> ecKey(jwk);
                case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
                default -> throw new MalformedJwtException("JWK key type '" + kty + "' is not supported");
            };
        } catch (GeneralSecurityException e) {
            throw new MalformedJwtException("the JWK is not a valid " + kty + " public key: " + e.getMessage());
        }
    }

    private static PublicKey ecKey(JsonNode jwk) throws GeneralSecurityException {
        String crv = jwk.path("crv").asText("");
        String curve = CURVES.get(crv);
        if (curve == null) {
            throw new MalformedJwtException("JWK curve '" + crv + "' is not supported");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        String value = jwk.path(member).asText("");
        if (value.isEmpty()) {
            throw new MalformedJwtException("the JWK has no '" + member + "'");
        }
        try {
            return new BigInteger(1, Base64.getUrlDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw new MalformedJwtException("the JWK's '" + member + "' is not base64url");
        }
    }
}
