package com.nexustrade.repro.jwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens signed here with keys made here, by the JDK (not by the library under test), for each algorithm servers
 * sign access tokens with; the JWKS is what such a server would publish.
 */
class JwsVerifierTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** An algorithm as a signer: how the JDK makes the key and signs with it, and how the server publishes the key. */
    enum Algorithm {
        RS256("RSA", "SHA256withRSA"),
        PS256("RSA", "RSASSA-PSS"),
        ES256("EC", "SHA256withECDSAinP1363Format"),
        ES384("EC", "SHA384withECDSAinP1363Format"),
        EdDSA("Ed25519", "Ed25519");

        private final String keyAlgorithm;
        private final String jdkSignature;

        Algorithm(String keyAlgorithm, String jdkSignature) {
            this.keyAlgorithm = keyAlgorithm;
            this.jdkSignature = jdkSignature;
        }

        KeyPair keys() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            switch (this) {
                case RS256, PS256 -> generator.initialize(2048);
                case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case ES384 -> generator.initialize(new ECGenParameterSpec("secp384r1"));
                case EdDSA -> { } // Ed25519 has one size
            }
            return generator.generateKeyPair();
        }

        byte[] sign(PrivateKey key, String signingInput) throws GeneralSecurityException {
            Signature signature = Signature.getInstance(jdkSignature);
            if (this == PS256) {
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        }

        JWK jwk(KeyPair keys, String kid) {
            return switch (this) {
                case RS256, PS256 -> new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) keys.getPublic()).keyID(kid).build();
                case ES384 -> new ECKey.Builder(Curve.P_384, (ECPublicKey) keys.getPublic()).keyID(kid).build();
                case EdDSA -> {
                    byte[] encoded = keys.getPublic().getEncoded(); // X.509: a fixed prefix, then RFC 8032's 32 bytes
                    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
                    yield new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).keyID(kid).build();
                }
            };
        }
    }

    private static String token(Algorithm algorithm, PrivateKey key, String alg, String kid) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("kid", kid);
        ObjectMapper json = new ObjectMapper();
        String signingInput = B64.encodeToString(json.writeValueAsBytes(header)) + "."
                + B64.encodeToString(json.writeValueAsBytes(Map.of("sub", "u1")));
        return signingInput + "." + B64.encodeToString(algorithm.sign(key, signingInput));
    }

    private static String jwks(JWK... keys) {
        return new JWKSet(Arrays.asList(keys)).toString(true);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tokenVerifiesAgainstItsKeyAndTheReportNamesTheAlgorithmAndKeyType(Algorithm algorithm) throws Exception {
        KeyPair keys = algorithm.keys();
        String token = token(algorithm, keys.getPrivate(), algorithm.name(), "k1");

        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, jwks(algorithm.jwk(algorithm.keys(), "other"), algorithm.jwk(keys, "k1")));

        assertThat(outcome.status()).as(outcome.summary()).isEqualTo(JwsVerifier.Status.VERIFIED);
        assertThat(outcome.alg()).isEqualTo(algorithm.name());
        assertThat(outcome.keyType()).isEqualTo(switch (algorithm) {
            case RS256, PS256 -> "RSA 2048";
            case ES256 -> "EC P-256";
            case ES384 -> "EC P-384";
            case EdDSA -> "OKP Ed25519";
        });
        assertThat(outcome.summary()).isEqualTo("signature verified (" + algorithm.name() + ", " + outcome.keyType() + " key, kid k1)");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tamperedPayloadDoesNotVerify(Algorithm algorithm) throws Exception {
        KeyPair keys = algorithm.keys();
        String[] parts = token(algorithm, keys.getPrivate(), algorithm.name(), "k1").split("\\.");
        String forged = parts[0] + "." + B64.encodeToString("{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        JwsVerifier.Outcome outcome = JwsVerifier.verify(forged, jwks(algorithm.jwk(keys, "k1")));

        assertThat(outcome.status()).isEqualTo(JwsVerifier.Status.REJECTED);
        assertThat(outcome.summary()).startsWith("the " + algorithm.name() + " signature does not verify against JWKS key k1");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void signatureByAnotherKeyUnderTheSameKidDoesNotVerify(Algorithm algorithm) throws Exception {
        String token = token(algorithm, algorithm.keys().getPrivate(), algorithm.name(), "k1");

        assertThat(JwsVerifier.verify(token, jwks(algorithm.jwk(algorithm.keys(), "k1"))).status())
                .isEqualTo(JwsVerifier.Status.REJECTED);
    }

    @Test
    void es384TokenWithAP256KeyIsRejected() throws Exception {
        KeyPair keys = Algorithm.ES256.keys();
        String token = token(Algorithm.ES256, keys.getPrivate(), "ES384", "k1");

        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, jwks(Algorithm.ES256.jwk(keys, "k1")));

        assertThat(outcome.status()).isEqualTo(JwsVerifier.Status.REJECTED);
        assertThat(outcome.summary()).isEqualTo("the JWKS key k1 (EC P-256) is no key for ES384");
    }

    @Test
    void keyPublishedForOneAlgorithmDoesNotVerifyAnother() throws Exception {
        KeyPair keys = Algorithm.RS256.keys();
        String token = token(Algorithm.RS256, keys.getPrivate(), "RS256", "k1");
        JWK forPss = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("k1").algorithm(JWSAlgorithm.PS256).build();

        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, jwks(forPss));

        assertThat(outcome.status()).isEqualTo(JwsVerifier.Status.REJECTED);
        assertThat(outcome.summary()).isEqualTo("the JWKS key k1 (RSA 2048) is for PS256, and the token says RS256");
    }

    /** The classic confusion: an HS256 token "signed" with the published key's bytes must never pass as verified. */
    @Test
    void hmacTokenIsNeverVerifiedWithAPublishedKey() throws Exception {
        KeyPair keys = Algorithm.RS256.keys();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
        String signingInput = B64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString("{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
        String token = signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, jwks(Algorithm.RS256.jwk(keys, "k1")));

        assertThat(outcome.status()).isEqualTo(JwsVerifier.Status.NOT_VERIFIABLE);
        assertThat(outcome.summary()).startsWith("alg HS256 is an HMAC").endsWith("signature not verified");
    }

    @Test
    void kidMissingFromTheJwksIsRejected() throws Exception {
        KeyPair keys = Algorithm.EdDSA.keys();
        String token = token(Algorithm.EdDSA, keys.getPrivate(), "EdDSA", "gone");

        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, jwks(Algorithm.EdDSA.jwk(keys, "k1")));

        assertThat(outcome.status()).isEqualTo(JwsVerifier.Status.REJECTED);
        assertThat(outcome.summary()).startsWith("kid gone is not in the JWKS");
    }

    @Test
    void encryptionKeyIsNotUsedForASignature() throws Exception {
        KeyPair keys = Algorithm.RS256.keys();
        String token = token(Algorithm.RS256, keys.getPrivate(), "RS256", "k1");
        JWK encryption = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("k1").keyUse(KeyUse.ENCRYPTION).build();

        assertThat(JwsVerifier.verify(token, jwks(encryption)).summary())
                .isEqualTo("the JWKS key k1 (RSA 2048) is for enc, not for signatures");
    }

    @Test
    void tokenWithTwoPartsIsMalformed() {
        assertThatThrownBy(() -> DecodedJwt.decode("abc.def"))
                .isInstanceOf(MalformedJwtException.class)
                .hasMessage("the access token has 2 dot-separated parts, a JWS has 3");
    }
}
