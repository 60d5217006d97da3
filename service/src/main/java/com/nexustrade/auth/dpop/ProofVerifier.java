package com.nexustrade.auth.dpop;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one DPoP proof against the rules of RFC 9449 §4.3, in the order that costs least to refuse: shape and
 * header first, then the signature, then the claims, and the jti last, so that only a proof that passed everything
 * else uses up a row of the replay store. Parsing, signature verification and the RFC 7638 thumbprint are Nimbus
 * JOSE+JWT's; the claims are checked here because Nimbus' own DPoP verifier reads the system clock, and the
 * service's time must come from its injected {@link Clock}.
 */
public final class ProofVerifier {

    /** Asymmetric only: a proof proves possession of a private key. EdDSA would need Tink on the class path. */
    public static final List<JWSAlgorithm> ALGORITHMS =
            List.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256, JWSAlgorithm.RS256);

    static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    // An RSA-4096 jwk is under 1 KiB; anything much larger is not a proof.
    private static final int MAX_PROOF_LENGTH = 8 * 1024;
    private static final int MAX_JTI_LENGTH = 256;
    private static final int MIN_RSA_BITS = 2048;
    // Private members of EC, RSA and OKP keys, and the secret of a symmetric one (RFC 7518 §6).
    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final HtuMatch htu;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final ProofJtiStore jtis;
    private final ServerNonces nonces;
    private final Provider ecProvider;

    public ProofVerifier(String issuer, Duration maxClockSkew, Clock clock, ProofJtiStore jtis) {
        this(issuer, maxClockSkew, clock, jtis, null, null);
    }

    /**
     * @param nonces     the server nonces every proof must carry, or null when {@code dpop.requireNonce} is off
     * @param ecProvider the JCA provider of ECDSA verification, null for the JDK's own. The service passes
     *                   BouncyCastle: verifying an ES256 proof took 0.26x (JDK 17) and 0.40x (JDK 25) the time of
     *                   the JDK's SunEC (benchmarks/ProofVerificationBenchmark, medians, shared machine, 2026-11-30)
     */
    public ProofVerifier(String issuer, Duration maxClockSkew, Clock clock, ProofJtiStore jtis, ServerNonces nonces,
                         Provider ecProvider) {
        this.htu = new HtuMatch(issuer);
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
        this.jtis = jtis;
        this.nonces = nonces;
        this.ecProvider = ecProvider;
    }

    /** The key a token request proved, or null when it sent no proof (the client's policy decides if it may). */
    public String proofKey(ProofRequest request) {
        return request.proof() == null ? null : verify(request.proof(), request.method(), request.path(), null).jkt();
    }

    /**
     * @param accessToken the access token the request presents with the proof ({@code ath}), null at the token
     *                    endpoints
     * @throws InvalidDPoPProofException naming the rule the proof broke
     * @throws UseDPoPNonceException when nonces are required and the proof lacks the current one
     */
    public VerifiedProof verify(String proof, String method, String path, String accessToken) {
        SignedJWT jwt = parse(proof);
        JWK jwk = jwt.getHeader().getJWK();
        if (!signatureVerifies(jwt, jwk)) {
            throw new InvalidDPoPProofException(ProofFailure.SIGNATURE);
        }
        JWTClaimsSet claims = claims(jwt);
        if (!method.equals(stringClaim(claims, "htm"))) {
            throw new InvalidDPoPProofException(ProofFailure.HTM);
        }
        if (!htu.matches(stringClaim(claims, "htu"), path)) {
            throw new InvalidDPoPProofException(ProofFailure.HTU);
        }
        long acceptedUntil = checkIssuedAt(claims);
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
            throw new InvalidDPoPProofException(ProofFailure.JTI);
        }
        if (accessToken != null && !sha256Base64Url(accessToken).equals(stringClaim(claims, "ath"))) {
            throw new InvalidDPoPProofException(ProofFailure.ATH);
        }
        if (nonces != null && !nonces.accepts(stringClaim(claims, "nonce"))) {
            throw new UseDPoPNonceException(nonces.current());
        }
        String jkt = thumbprint(jwk);
        // Keyed by the key as well: jti only has to be unique per key (RFC 9449 §11.1).
        if (!jtis.markUsed(sha256Hex(jkt + ":" + jti), acceptedUntil)) {
            throw new InvalidDPoPProofException(ProofFailure.JTI_REUSED);
        }
        return new VerifiedProof(jkt);
    }

    /** The header rules, read from the raw JSON first so that each refusal names its rule. */
    private static SignedJWT parse(String proof) {
        if (proof == null || proof.isBlank() || proof.length() > MAX_PROOF_LENGTH) {
            throw new InvalidDPoPProofException(proof == null || proof.isBlank() ? ProofFailure.MISSING
                    : ProofFailure.MALFORMED);
        }
        try {
            Base64URL[] parts = JOSEObject.split(proof.strip());
            Map<String, Object> rawHeader = JSONObjectUtils.parse(parts[0].decodeToString());
            Object alg = rawHeader.get("alg");
            if (!(alg instanceof String name) || ALGORITHMS.stream().noneMatch(a -> a.getName().equals(name))) {
                throw new InvalidDPoPProofException(ProofFailure.ALG); // none, HS256 and every symmetric alg
            }
            if (!(rawHeader.get("jwk") instanceof Map<?, ?> rawJwk)) {
                throw new InvalidDPoPProofException(ProofFailure.JWK_MISSING);
            }
            if (rawJwk.keySet().stream().anyMatch(PRIVATE_JWK_MEMBERS::contains)) {
                throw new InvalidDPoPProofException(ProofFailure.JWK_PRIVATE);
            }
            if (parts.length != 3 || !(Header.parse(parts[0]) instanceof JWSHeader)) {
                throw new InvalidDPoPProofException(ProofFailure.MALFORMED);
            }
            SignedJWT jwt = new SignedJWT(parts[0], parts[1], parts[2]);
            if (!TYPE.equals(jwt.getHeader().getType())) {
                throw new InvalidDPoPProofException(ProofFailure.TYP);
            }
            if (jwt.getHeader().getJWK() == null || jwt.getHeader().getJWK().isPrivate()) {
                throw new InvalidDPoPProofException(ProofFailure.JWK_PRIVATE);
            }
            return jwt;
        } catch (ParseException e) {
            throw new InvalidDPoPProofException(ProofFailure.MALFORMED);
        }
    }

    private boolean signatureVerifies(SignedJWT jwt, JWK jwk) {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        try {
            JWSVerifier verifier;
            if (JWSAlgorithm.Family.EC.contains(alg) && jwk instanceof ECKey ec
                    && Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
                verifier = new ECDSAVerifier(ec); // refuses points off the curve
                verifier.getJCAContext().setProvider(ecProvider);
            } else if (JWSAlgorithm.Family.RSA.contains(alg) && jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
                verifier = new RSASSAVerifier(rsa);
            } else {
                throw new InvalidDPoPProofException(ProofFailure.JWK_UNUSABLE);
            }
            // Nimbus refuses any crit header it does not understand.
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            throw new InvalidDPoPProofException(ProofFailure.JWK_UNUSABLE);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidDPoPProofException(ProofFailure.MALFORMED);
        }
    }

    /** @return until when (epoch ms) the proof's iat stays acceptable, which is how long its jti must be kept */
    private long checkIssuedAt(JWTClaimsSet claims) {
        if (claims.getIssueTime() == null) {
            throw new InvalidDPoPProofException(ProofFailure.IAT);
        }
        long iat = claims.getIssueTime().getTime();
        long now = clock.millis();
        long skew = maxClockSkew.toMillis();
        if (iat < now - skew || iat > now + skew) {
            throw new InvalidDPoPProofException(ProofFailure.IAT);
        }
        return iat + skew;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint().toString(); // RFC 7638, SHA-256
        } catch (JOSEException e) {
            throw new InvalidDPoPProofException(ProofFailure.JWK_UNUSABLE);
        }
    }

    static String sha256Base64Url(String value) {
        return Base64URL.encode(sha256(value)).toString();
    }

    private static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
