package com.nexustrade.auth.keys;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * Reads an ES256 key from PEM the ways operators make one, with BouncyCastle's PEM parser: PKCS#8
 * ({@code BEGIN PRIVATE KEY}, {@code openssl genpkey}), SEC1 ({@code BEGIN EC PRIVATE KEY}, {@code openssl ecparam
 * -genkey}, which also writes an {@code EC PARAMETERS} block first), or a public key ({@code BEGIN PUBLIC KEY}) for
 * a retired key. Anything else (another curve, RSA, an encrypted key) is refused with one sentence.
 */
final class PemKeys {

    private static final ASN1ObjectIdentifier P256 = X9ObjectIdentifiers.prime256v1;
    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

    private PemKeys() {
    }

    static SigningKey read(String source, String text) {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            ASN1ObjectIdentifier declaredCurve = null; // openssl's EC PARAMETERS block, before a SEC1 key
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof ASN1ObjectIdentifier curve) {
                    declaredCurve = curve;
                }
                if (block instanceof PEMKeyPair sec1) {
                    return privateKey(source, withCurve(sec1.getPrivateKeyInfo(), declaredCurve));
                }
                if (block instanceof PrivateKeyInfo pkcs8) {
                    return privateKey(source, pkcs8);
                }
                if (block instanceof SubjectPublicKeyInfo publicKey) {
                    requireP256(source, publicKey.getAlgorithm());
                    return SigningKey.verifyOnly((ECPublicKey) CONVERTER.getPublicKey(publicKey));
                }
                if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalStateException(source + " is an encrypted key; give nexus-auth the unencrypted "
                            + "PEM in a file of mode 0600 or in AUTH_SIGNING_KEY_PEM.");
                }
                // anything else is not a key: read on
            }
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            if (unreadable instanceof IllegalStateException refused) {
                throw refused;
            }
            throw new IllegalStateException(source + " is not a readable PEM key (" + unreadable.getMessage() + ").",
                    unreadable);
        }
        throw new IllegalStateException(source + " holds no PRIVATE KEY, EC PRIVATE KEY or PUBLIC KEY PEM block.");
    }

    private static SigningKey privateKey(String source, PrivateKeyInfo info) throws IOException,
            GeneralSecurityException {
        requireP256(source, info.getPrivateKeyAlgorithm());
        ECPrivateKey privateKey = (ECPrivateKey) CONVERTER.getPrivateKey(info);
        return SigningKey.ofPair(KeyDirectory.publicKeyOf(privateKey), privateKey);
    }

    /** A SEC1 key may leave its curve to the EC PARAMETERS block before it. */
    private static PrivateKeyInfo withCurve(PrivateKeyInfo info, ASN1ObjectIdentifier declaredCurve) throws IOException {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (algorithm.getParameters() != null || declaredCurve == null) {
            return info;
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(algorithm.getAlgorithm(), declaredCurve), info.parsePrivateKey());
    }

    private static void requireP256(String source, AlgorithmIdentifier algorithm) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new IllegalStateException(source + " is " + describe(algorithm.getAlgorithm())
                    + ", not an EC key; ES256 needs a P-256 (prime256v1) key.");
        }
        Object curve = algorithm.getParameters();
        if (curve == null) {
            throw new IllegalStateException(source + " is an EC key that names no curve; ES256 needs a P-256 "
                    + "(prime256v1) key.");
        }
        if (!P256.equals(curve)) {
            String name = curve instanceof ASN1ObjectIdentifier oid && ECNamedCurveTable.getName(oid) != null
                    ? ECNamedCurveTable.getName(oid) : String.valueOf(curve);
            throw new IllegalStateException(source + " is an EC key on curve " + name
                    + "; ES256 needs a P-256 (prime256v1) key.");
        }
    }

    private static String describe(ASN1ObjectIdentifier algorithm) {
        return switch (algorithm.getId()) {
            case "1.2.840.113549.1.1.1" -> "an RSA key";
            case "1.3.101.112" -> "an Ed25519 key";
            case "1.3.101.113" -> "an Ed448 key";
            default -> "a key of algorithm " + algorithm.getId();
        };
    }
}
