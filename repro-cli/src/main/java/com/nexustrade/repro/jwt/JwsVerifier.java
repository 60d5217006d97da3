package com.nexustrade.repro.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Verifies an access token's JWS signature against a JWK Set, for every asymmetric JWS algorithm (RFC 7518, RFC 8037):
 * RS256/384/512 and PS256/384/512 with an RSA key, ES256/384/512 with an EC key of the matching curve (Nimbus JOSE+JWT),
 * EdDSA with an Ed25519 or Ed448 key (the JDK's own EdDSA, Java 15+: Nimbus would need Google Tink for it). Strict: the
 * key must be of the algorithm's type, its "alg" (when given) the token's, its "use" (when given) sig; "none" and HMAC
 * are never verified, least of all with a published key's bytes as the secret.
 */
public final class JwsVerifier {

    /** What became of the signature, and with what: the token's alg and the key's type ("EC P-256", "RSA 2048"). */
    public record Outcome(Status status, String alg, String keyType, String summary) {
    }

    public enum Status {
        /** The signature verifies against the key the token names. */
        VERIFIED,
        /** The token or its key is wrong: the check fails. */
        REJECTED,
        /** Nothing this tool can verify (HMAC, an algorithm outside the list): reported, not failed. */
        NOT_VERIFIABLE
    }

    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> EC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Set<JWSAlgorithm> HMAC = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    private JwsVerifier() {
    }

    public static Outcome verify(String token, String jwkSetJson) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return new Outcome(Status.REJECTED, null, null, "the token is not a JWS: " + e.getMessage());
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        String kid = jws.getHeader().getKeyID();
        if (HMAC.contains(alg)) {
            return new Outcome(Status.NOT_VERIFIABLE, alg.getName(), null, "alg " + alg + " is an HMAC, which no published key"
                    + " can verify (a public key is never used as its secret): signature not verified");
        }
        if (!RSA.contains(alg) && !EC.contains(alg) && !JWSAlgorithm.EdDSA.equals(alg)) {
            return new Outcome(Status.NOT_VERIFIABLE, alg.getName(), null, "alg " + alg + " is not one this tool verifies: signature not verified");
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(jwkSetJson);
        } catch (ParseException e) {
            return new Outcome(Status.REJECTED, alg.getName(), null, "the JWKS cannot be read: " + e.getMessage());
        }
        JWK key = kid != null ? keys.getKeyByKeyId(kid) : keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null;
        if (key == null) {
            return new Outcome(Status.REJECTED, alg.getName(), null, "kid " + kid + " is not in the JWKS, so no downstream "
                    + "service can verify the token");
        }
        String keyType = keyType(key);
        String unusable = unusable(key, alg);
        if (unusable != null) {
            return new Outcome(Status.REJECTED, alg.getName(), keyType, "the JWKS key " + kid + " (" + keyType + ") " + unusable);
        }
        try {
            boolean verified = JWSAlgorithm.EdDSA.equals(alg) ? verifyEdDsa(jws, (OctetKeyPair) key) : jws.verify(verifier(key));
            return verified
                    ? new Outcome(Status.VERIFIED, alg.getName(), keyType, "signature verified (" + alg + ", " + keyType + " key, kid " + kid + ")")
                    : new Outcome(Status.REJECTED, alg.getName(), keyType, "the " + alg + " signature does not verify against "
                            + "JWKS key " + kid + " (" + keyType + ")");
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            return new Outcome(Status.REJECTED, alg.getName(), keyType, "the JWKS key " + kid + " (" + keyType + ") is unusable: " + e.getMessage());
        }
    }

    /** Why this key may not verify this algorithm, or null when it may. */
    private static String unusable(JWK key, JWSAlgorithm alg) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return "is for " + key.getKeyUse().identifier() + ", not for signatures";
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
            return "is for " + key.getAlgorithm() + ", and the token says " + alg;
        }
        boolean fits = RSA.contains(alg) ? key instanceof RSAKey
                : EC.contains(alg) ? key instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve())
                : key instanceof OctetKeyPair okp && List.of(Curve.Ed25519, Curve.Ed448).contains(okp.getCurve());
        return fits ? null : "is no key for " + alg;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
    }

    /** RFC 8037: the signature over the signing input with the OKP's public key, by the JDK's EdDSA. */
    private static boolean verifyEdDsa(JWSObject jws, OctetKeyPair key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("EdDSA");
        signature.initVerify(edPublicKey(key));
        signature.update(jws.getSigningInput());
        try {
            return signature.verify(jws.getSignature().decode());
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    /** RFC 8032 §5.1.2: x is y little-endian, its top bit the parity of the point's x coordinate. */
    private static PublicKey edPublicKey(OctetKeyPair key) throws GeneralSecurityException {
        byte[] x = key.getDecodedX();
        NamedParameterSpec curve = Curve.Ed25519.equals(key.getCurve()) ? NamedParameterSpec.ED25519 : NamedParameterSpec.ED448;
        if (x.length != (curve == NamedParameterSpec.ED25519 ? 32 : 57)) {
            throw new GeneralSecurityException("the " + key.getCurve() + " key has " + x.length + " bytes");
        }
        boolean xOdd = (x[x.length - 1] & 0x80) != 0;
        byte[] bigEndian = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            bigEndian[i] = x[x.length - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return KeyFactory.getInstance("EdDSA").generatePublic(
                new EdECPublicKeySpec(curve, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
    }

    /** "RSA 2048", "EC P-256", "OKP Ed25519". */
    private static String keyType(JWK key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.size();
        }
        if (key instanceof ECKey ec) {
            return "EC " + ec.getCurve();
        }
        if (key instanceof OctetKeyPair okp) {
            return "OKP " + okp.getCurve();
        }
        return key.getKeyType().getValue();
    }
}
