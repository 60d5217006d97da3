package com.nexustrade.auth.core;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random ids (version-4 UUIDs) and random bytes from one SecureRandom per thread. UUID.randomUUID() and a shared
 * SecureRandom serialise every caller on one lock; under a market-open burst that lock showed up in the profile.
 */
public final class Ids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

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
}
