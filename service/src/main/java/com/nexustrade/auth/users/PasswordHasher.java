package com.nexustrade.auth.users;

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
    // multiplies that by the number of request threads. Waiting callers queue fairly, and give up with a 503.
    private static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(5);

    private final Semaphore hashing;
    private final Duration maxQueueWait;
    private final SecureRandom random = new SecureRandom();
    // Verified when the user is unknown, so that an unknown user costs the same time as a wrong password.
    private final String decoyHash;

    public PasswordHasher() {
        this(defaultConcurrentHashes(), DEFAULT_MAX_QUEUE_WAIT);
    }

    /** The slots when the configuration leaves {@code hashing.maxConcurrentHashes} at 0. */
    public static int defaultConcurrentHashes() {
        return concurrentHashes(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    /**
     * One per core, and never more than half the heap in hash memory: with the bounded heap of jvm.options
     * (192 MiB) on a many-core machine, a login burst would otherwise end in an OutOfMemoryError. Hashing is all
     * CPU, so a second hash per core adds no throughput, only 19 MiB more in flight: with two per core the
     * 192-MiB heap spent half of a login burst in full collections (300 logins took 38-41 s, one per core 27 s;
     * docs/operations.md#jvm-memory).
     */
    static int concurrentHashes(int cores, long maxHeapBytes) {
        long fitInHalfTheHeap = maxHeapBytes / 2 / (MEMORY_KIB * 1024L);
        return (int) Math.max(2, Math.min(cores, fitInHalfTheHeap));
    }

    /** {@code hashing.maxConcurrentHashes} and {@code hashing.maxQueueWait} of the configuration. */
    public PasswordHasher(int concurrentHashes, Duration maxQueueWait) {
        this(new Semaphore(concurrentHashes, true), maxQueueWait);
    }

    /** The hashing slots passed in, so that a test can hold them all and see what a busy hasher answers. */
    public PasswordHasher(Semaphore slots, Duration maxQueueWait) {
        this.hashing = slots;
        this.maxQueueWait = maxQueueWait;
        this.decoyHash = hash("decoy password that matches no input");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Constant-time check of {@code password} against a stored PHC string; false for any malformed hash.
     *
     * @throws HasherBusyException when no hashing slot freed within the queue wait: nothing was checked
     */
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
        } catch (HasherBusyException busy) {
            throw busy; // not an answer about the password: the caller must not read it as "wrong"
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
            acquired = hashing.tryAcquire(maxQueueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HasherBusyException();
        }
        if (!acquired) {
            throw new HasherBusyException();
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
