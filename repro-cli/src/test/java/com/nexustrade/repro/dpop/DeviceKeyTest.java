package com.nexustrade.repro.dpop;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A proof as RFC 9449 §4.2 has it, read back with Nimbus as a server would. */
class DeviceKeyTest {

    private static final URI TOKEN_ENDPOINT = URI.create("https://auth.example.com/oauth2/token?x=1#frag");

    @Test
    void proofHasTheDPoPHeaderAndClaimsAndVerifiesWithItsOwnPublicJwk() throws Exception {
        DeviceKey key = DeviceKey.generate();
        SignedJWT proof = SignedJWT.parse(key.proof("POST", TOKEN_ENDPOINT, null).orElseThrow());

        assertThat(proof.getHeader().getType().getType()).isEqualTo("dpop+jwt");
        assertThat(proof.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        ECKey jwk = proof.getHeader().getJWK().toECKey();
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(proof.verify(new ECDSAVerifier(jwk))).isTrue();
        assertThat(jwk.computeThumbprint().toString()).isEqualTo(key.thumbprint().orElseThrow());
        assertThat(proof.getJWTClaimsSet().getStringClaim("htm")).isEqualTo("POST");
        assertThat(proof.getJWTClaimsSet().getStringClaim("htu")).isEqualTo("https://auth.example.com/oauth2/token");
        assertThat(proof.getJWTClaimsSet().getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(5), Instant.now());
        assertThat(proof.getJWTClaimsSet().getClaim("nonce")).isNull();
    }

    @Test
    void everyProofHasAJtiOfItsOwnAndCarriesTheNonceItIsGiven() throws Exception {
        DeviceKey key = DeviceKey.generate();
        SignedJWT first = SignedJWT.parse(key.proof("POST", TOKEN_ENDPOINT, "n-1").orElseThrow());
        SignedJWT second = SignedJWT.parse(key.proof("POST", TOKEN_ENDPOINT, "n-1").orElseThrow());

        assertThat(first.getJWTClaimsSet().getJWTID()).isNotBlank().isNotEqualTo(second.getJWTClaimsSet().getJWTID());
        assertThat(first.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");
    }

    @Test
    void twoDevicesHaveTwoKeys() {
        assertThat(DeviceKey.generate().thumbprint()).isNotEqualTo(DeviceKey.generate().thumbprint());
    }
}
