package com.nexustrade.auth.keys;

import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing keys in the PEM forms operators make, and one sentence for the ones ES256 cannot use. */
class PemKeysTest {

    // What `openssl ecparam -genkey -name prime256v1` writes before the key: the curve's OID.
    private static final String OPENSSL_EC_PARAMETERS =
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

    @Test
    void sec1AsOpensslEcparamWritesItLoadsAsTheSameKeyAsItsPkcs8Form() throws Exception {
        KeyPair pair = ecKeyPair("secp256r1");
        String sec1 = OPENSSL_EC_PARAMETERS + sec1Pem(pair);
        assertThat(sec1).contains("-----BEGIN EC PRIVATE KEY-----");

        SigningKey fromSec1 = KeyDirectory.readKey("signing-key.pem", sec1);
        SigningKey fromPkcs8 = KeyDirectory.readKey("signing-key.pem",
                KeyDirectory.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(fromSec1.privateKey()).isPresent();
        assertThat(fromSec1.kid()).isEqualTo(fromPkcs8.kid());
        assertThat(fromSec1.publicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(KeyDirectory.readKey("signing-key.pem", sec1Pem(pair)).kid()).as("-noout: no EC PARAMETERS block")
                .isEqualTo(fromPkcs8.kid());
    }

    @Test
    void sec1WhoseCurveIsOnlyInTheEcParametersBlockLoads() throws Exception {
        KeyPair pair = ecKeyPair("secp256r1");
        StringWriter bare = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(bare)) {
            writer.writeObject(pair.getPrivate()); // BouncyCastle leaves the curve out of the SEC1 structure
        }

        assertThat(KeyDirectory.readKey("signing-key.pem", OPENSSL_EC_PARAMETERS + bare).privateKey()).isPresent();
    }

    @Test
    void aPublicKeyLoadsForVerificationOnly() throws Exception {
        KeyPair pair = ecKeyPair("secp256r1");

        SigningKey retired = KeyDirectory.readKey("previous-1.pem", KeyDirectory.pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThat(retired.privateKey()).isEmpty();
    }

    @Test
    void aKeyOnAnotherCurveIsRefusedWithOneSentence() throws Exception {
        KeyPair p384 = ecKeyPair("secp384r1");

        assertThatThrownBy(() -> KeyDirectory.readKey("signing-key.pem",
                KeyDirectory.pem("PRIVATE KEY", p384.getPrivate().getEncoded())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("signing-key.pem is an EC key on curve secp384r1; ES256 needs a P-256 (prime256v1) key.");
        assertThatThrownBy(() -> KeyDirectory.readKey("signing-key.pem", sec1Pem(p384)))
                .hasMessageContaining("curve secp384r1");
    }

    @Test
    void anRsaKeyIsRefusedWithOneSentence() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatThrownBy(() -> KeyDirectory.readKey("signing-key.pem",
                KeyDirectory.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded())))
                .hasMessage("signing-key.pem is an RSA key, not an EC key; ES256 needs a P-256 (prime256v1) key.");
    }

    @Test
    void textWithoutAKeyIsRefusedWithOneSentence() {
        assertThatThrownBy(() -> KeyDirectory.readKey("AUTH_SIGNING_KEY_PEM", OPENSSL_EC_PARAMETERS))
                .hasMessage("AUTH_SIGNING_KEY_PEM holds no PRIVATE KEY, EC PRIVATE KEY or PUBLIC KEY PEM block.");
    }

    private static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** SEC1 (RFC 5915) as openssl writes it: the private key, the curve's OID and the public key. */
    private static String sec1Pem(KeyPair pair) throws IOException {
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
        int size = (((ECPublicKey) pair.getPublic()).getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * size];
        point[0] = 0x04;
        System.arraycopy(unsigned(w.getAffineX(), size), 0, point, 1, size);
        System.arraycopy(unsigned(w.getAffineY(), size), 0, point, 1 + size, size);
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(size * 8,
                ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS(), new DERBitString(point),
                pkcs8.getPrivateKeyAlgorithm().getParameters());
        return KeyDirectory.pem("EC PRIVATE KEY", sec1.getEncoded());
    }

    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - copy, out, size - copy, copy);
        return out;
    }
}
