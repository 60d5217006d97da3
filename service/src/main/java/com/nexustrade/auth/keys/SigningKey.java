package com.nexustrade.auth.keys;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/**
 * An ES256 key pair (or, for a retired key kept only to verify, a public key) with its {@code kid}:
 * the RFC 7638 thumbprint, so every instance derives the same id from the same key without coordination.
 */
public final class SigningKey {

    private final String kid;
    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;
    private final PublicJwk<ECPublicKey> jwk;

    private SigningKey(ECPublicKey publicKey, ECPrivateKey privateKey) {
        PublicJwk<ECPublicKey> thumbprinted = Jwks.builder().key(publicKey).idFromThumbprint().build();
        this.kid = thumbprinted.getId();
        this.jwk = Jwks.builder().key(publicKey).id(kid).publicKeyUse("sig").algorithm("ES256").build();
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static SigningKey ofPair(ECPublicKey publicKey, ECPrivateKey privateKey) {
        return new SigningKey(publicKey, privateKey);
    }

    public static SigningKey verifyOnly(ECPublicKey publicKey) {
        return new SigningKey(publicKey, null);
    }

    public String kid() {
        return kid;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    public Optional<ECPrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The public JWK (RFC 7517) published in the JWKS. */
    public PublicJwk<ECPublicKey> jwk() {
        return jwk;
    }
}
