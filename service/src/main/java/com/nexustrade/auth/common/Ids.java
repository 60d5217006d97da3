package com.nexustrade.auth.common;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random ids (version-4 UUIDs) and random bytes from one DRBG per thread. UUID.randomUUID() and
 * {@code new SecureRandom()} (NativePRNG on Linux) serialise every caller on one JVM-wide lock, however many
 * instances there are: under load that lock showed up in JFR's contention view. A DRBG instance (SHA-256
 * Hash_DRBG, NIST SP 800-90A, seeded from the operating system) locks only itself.
 */
public final class Ids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newDrbg);

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = randomBytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** This thread's generator, for libraries that take one (the ECDSA nonce of a signature). */
    public static SecureRandom secureRandom() {
        return RANDOM.get();
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 9 has DRBG", e);
        }
    }
}
