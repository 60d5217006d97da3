package com.nexustrade.repro.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * One simulated device's DPoP key: a P-256 key pair made here, never written anywhere, and the proofs it signs
 * (RFC 9449 §4.2): header typ dpop+jwt, alg ES256, the public jwk; claims jti (random, one per proof), htm, htu
 * (without query and fragment), iat, and the server's nonce when it asked for one. Signing and the RFC 7638
 * thumbprint are Nimbus JOSE+JWT's. Thread-safe: the concurrent callers of one session sign with one key at once.
 */
public final class DeviceKey implements Possession {

    private static final JOSEObjectType DPOP_JWT = new JOSEObjectType("dpop+jwt");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JWSSigner signer;
    private final JWSHeader header;
    private final String thumbprint;

    private DeviceKey(ECKey key) throws JOSEException {
        this.signer = new ECDSASigner(key);
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(DPOP_JWT).jwk(key.toPublicJWK()).build();
        this.thumbprint = key.toPublicJWK().computeThumbprint().toString();
    }

    public static DeviceKey generate() {
        try {
            return new DeviceKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }

    @Override
    public Optional<String> proof(String htm, URI htu, String nonce) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(randomJti())
                .claim("htm", htm)
                .claim("htu", withoutQueryAndFragment(htu))
                .issueTime(new Date());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT proof = new SignedJWT(header, claims.build());
        try {
            proof.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return Optional.of(proof.serialize());
    }

    @Override
    public Optional<String> thumbprint() {
        return Optional.of(thumbprint);
    }

    @Override
    public String toString() {
        return "DeviceKey[P-256, jkt=" + thumbprint + "]";
    }

    /** RFC 9449 §4.2: htu is the request's URI without its query and fragment parts. */
    static String withoutQueryAndFragment(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    private static String randomJti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
