package com.nexustrade.auth.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A phone's DPoP key (P-256) and the proofs it makes, with Nimbus' own client-side proof factory: what a real
 * app sends. {@link #rawProof} builds the broken proofs an attacker or a buggy client would send.
 */
public final class DeviceKey {

    public static final String ISSUER = "http://nexus-auth.test"; // tokens.issuer of test-config.yml

    private final ECKey key;
    private final DefaultDPoPProofFactory factory;

    private DeviceKey(ECKey key) {
        this.key = key;
        try {
            this.factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DeviceKey generate() {
        try {
            return new DeviceKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638 SHA-256 thumbprint of the public key: the {@code cnf.jkt} a bound token must carry. */
    public String jkt() {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public ECKey privateJwk() {
        return key;
    }

    /** A fresh proof for {@code POST <issuer><path>} issued at {@code iat}. */
    public String proof(String path, Instant iat) {
        return proof("POST", path, iat, null);
    }

    public String proof(String method, String path, Instant iat, String accessToken) {
        try {
            return factory.createDPoPJWT(new JWTID(UUID.randomUUID().toString()), method, URI.create(ISSUER + path),
                    Date.from(iat), accessToken == null ? null : new DPoPAccessToken(accessToken)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh proof carrying the server's {@code nonce} (RFC 9449 §8). */
    public String proofWithNonce(String path, Instant iat, String nonce) {
        try {
            return factory.createDPoPJWT(new JWTID(UUID.randomUUID().toString()), "POST", URI.create(ISSUER + path),
                    Date.from(iat), null, new com.nimbusds.openid.connect.sdk.Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard header of a proof of this key: typ dpop+jwt, ES256, the public jwk. */
    public Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "dpop+jwt");
        header.put("alg", "ES256");
        header.put("jwk", key.toPublicJWK().toJSONObject());
        return header;
    }

    /** The standard claims of a proof for {@code POST <issuer><path>}. */
    public static Map<String, Object> claims(String path, Instant iat) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", "POST");
        claims.put("htu", ISSUER + path);
        claims.put("iat", iat.getEpochSecond());
        return claims;
    }

    /** Any header and claims, signed ES256 with this key whatever the header says. */
    public String rawProof(Map<String, Object> header, Map<String, Object> claims) {
        try {
            return rawProof(header, claims, new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rawProof(Map<String, Object> header, Map<String, Object> claims, JWSSigner signer) {
        String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                + Base64URL.encode(JSONObjectUtils.toJSONString(claims));
        try {
            JWSAlgorithm alg = signer.supportedJWSAlgorithms().iterator().next();
            Base64URL signature = signer.sign(new JWSHeader(alg), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
