package com.nexustrade.repro.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.replica.Es256Signer;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwsSignatureVerifierTest {

    private final Es256Signer signer = new Es256Signer("k1");
    private final JsonNode jwks = new ObjectMapper().valueToTree(signer.jwks());

    private boolean verifies(String token) {
        DecodedJwt jwt = DecodedJwt.decode(token);
        return JwsSignatureVerifier.verify(jwt, JwkKeys.publicKey(JwkKeys.find(jwks, jwt.kid()).orElseThrow()));
    }

    @Test
    void es256TokenVerifiesAgainstItsJwk() {
        assertThat(verifies(signer.sign(Map.of("alg", "ES256", "kid", "k1"), Map.of("sub", "u1")))).isTrue();
    }

    @Test
    void tamperedPayloadDoesNotVerify() {
        String[] parts = signer.sign(Map.of("alg", "ES256", "kid", "k1"), Map.of("sub", "u1")).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"admin\"}".getBytes());

        assertThat(verifies(parts[0] + "." + forged + "." + parts[2])).isFalse();
    }

    @Test
    void signatureOfTheWrongLengthDoesNotVerify() {
        String[] parts = signer.sign(Map.of("alg", "ES256", "kid", "k1"), Map.of("sub", "u1")).split("\\.");

        assertThat(verifies(parts[0] + "." + parts[1] + "." + parts[2].substring(4))).isFalse();
    }

    @Test
    void rawSignatureBecomesDerWithALeadingZeroWhenTheTopBitIsSet() {
        byte[] raw = new byte[64];
        raw[0] = (byte) 0x80; // r = 0x80 00..00: needs a 0x00 so DER reads it as positive
        raw[63] = 0x01;       // s = 1: minimal encoding is one byte

        byte[] der = JwsSignatureVerifier.rawToDer(raw, 32);

        assertThat(HexFormat.of().formatHex(der)).isEqualTo("3026" + "022100" + "80" + "00".repeat(31) + "020101");
    }

    @Test
    void p521SizedSignatureUsesTheLongLengthForm() {
        byte[] raw = new byte[132];
        raw[0] = (byte) 0x01;
        raw[66] = (byte) 0x01;

        byte[] der = JwsSignatureVerifier.rawToDer(raw, 66);

        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(der[1]).isEqualTo((byte) 0x81);
        assertThat(der[2] & 0xff).isEqualTo(der.length - 3);
    }

    @Test
    void tokenWithTwoPartsIsMalformed() {
        assertThatThrownBy(() -> DecodedJwt.decode("abc.def"))
                .isInstanceOf(MalformedJwtException.class)
                .hasMessage("the access token has 2 dot-separated parts, a JWS has 3");
    }
}
