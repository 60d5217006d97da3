package com.nexustrade.auth.users;

import com.nexustrade.auth.common.RateLimitedException;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password and secret hashing in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), OWASP's minimum parameters.
 * The parameters live in each stored hash, so they can be raised later without breaking old hashes.
 */
public final class PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    // Each hash holds 19 MiB for its duration: without a bound, a burst of logins (market open, or an attacker)
    // multiplies that by the number of request threads. Waiting callers queue fairly, and give up with 429.
    private static final int CONCURRENT_HASHES = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    private static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(5);

    private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);
    private final SecureRandom random = new SecureRandom();
    // Verified when the user is unknown, so that an unknown user costs the same time as a wrong password.
    private final String decoyHash = hash("decoy password that matches no input");

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time check of {@code password} against a stored PHC string; false for any malformed hash. */
    public boolean verify(String password, String storedHash) {
        String[] parts = storedHash.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String param : parts[3].split(",")) {
                String[] kv = param.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RateLimitedException busy) {
            throw busy; // too many hashes queued: 429 with Retry-After, not "wrong password"
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification and always fails: the answer for an unknown user. */
    public boolean verifyDecoy(String password) {
        verify(password, decoyHash);
        return false;
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        boolean acquired;
        try {
            acquired = hashing.tryAcquire(MAX_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateLimitedException(Duration.ofSeconds(1));
        }
        if (!acquired) {
            throw new RateLimitedException(Duration.ofSeconds(1));
        }
        try {
            return argon2Unbounded(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            hashing.release();
        }
    }

    private static byte[] argon2Unbounded(String password, byte[] salt, int memoryKib, int iterations,
                                          int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
