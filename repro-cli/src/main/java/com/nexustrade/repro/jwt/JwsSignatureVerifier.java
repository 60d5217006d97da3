package com.nexustrade.repro.jwt;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a JWS signature with the JDK alone. ECDSA signatures travel in JWS as raw R||S (RFC 7518 §3.4)
 * while the JDK's Signature wants ASN.1 DER, hence the conversion here.
 */
public final class JwsSignatureVerifier {

    private record Algorithm(String jdkName, int ecdsaPartLength) {
    }

    private static final Map<String, Algorithm> ALGORITHMS = Map.of(
            "ES256", new Algorithm("SHA256withECDSA", 32),
            "ES384", new Algorithm("SHA384withECDSA", 48),
            "ES512", new Algorithm("SHA512withECDSA", 66),
            "RS256", new Algorithm("SHA256withRSA", 0),
            "RS384", new Algorithm("SHA384withRSA", 0),
            "RS512", new Algorithm("SHA512withRSA", 0));

    /** HMAC tokens are signed with a shared secret: no published key can verify them. */
    public static final Set<String> SYMMETRIC = Set.of("HS256", "HS384", "HS512");

    private JwsSignatureVerifier() {
    }

    public static boolean supports(String alg) {
        return ALGORITHMS.containsKey(alg);
    }

    public static boolean verify(DecodedJwt jwt, PublicKey key) {
        Algorithm algorithm = ALGORITHMS.get(jwt.alg());
        if (algorithm == null) {
            throw new MalformedJwtException("alg '" + jwt.alg() + "' cannot be verified by this tool");
        }
        byte[] signature = jwt.signature();
        if (algorithm.ecdsaPartLength() > 0) {
            if (signature.length != 2 * algorithm.ecdsaPartLength()) {
                return false;
            }
            signature = rawToDer(signature, algorithm.ecdsaPartLength());
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.jdkName());
            verifier.initVerify(key);
            verifier.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** R||S, each partLength bytes, to DER SEQUENCE { INTEGER r, INTEGER s }. */
    static byte[] rawToDer(byte[] raw, int partLength) {
        byte[] r = derInteger(Arrays.copyOfRange(raw, 0, partLength));
        byte[] s = derInteger(Arrays.copyOfRange(raw, partLength, 2 * partLength));
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        writeLength(der, r.length + s.length);
        der.writeBytes(r);
        der.writeBytes(s);
        return der.toByteArray();
    }

    private static byte[] derInteger(byte[] unsignedBigEndian) {
        byte[] value = new BigInteger(1, unsignedBigEndian).toByteArray(); // minimal, with a 0x00 if the top bit is set
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x02);
        writeLength(der, value.length);
        der.writeBytes(value);
        return der.toByteArray();
    }

    /** P-521 signatures exceed 127 bytes, which needs DER's long length form. */
    private static void writeLength(ByteArrayOutputStream der, int length) {
        if (length < 0x80) {
            der.write(length);
        } else if (length < 0x100) {
            der.write(0x81);
            der.write(length);
        } else {
            der.write(0x82);
            der.write(length >> 8);
            der.write(length & 0xff);
        }
    }
}
