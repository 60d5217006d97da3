package com.nexustrade.auth.bench;

import com.nexustrade.auth.refresh.OpaqueTokens;
import com.nexustrade.auth.users.PasswordHasher;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The two hashes of the service: SHA-256 of a refresh token (once per refresh, to find its row) and Argon2id
 * of a password (once per login; m=19456 KiB, t=2, p=1 by design slow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashingBenchmark {

    private final OpaqueTokens tokens = new OpaqueTokens(new SecretKeySpec(new byte[32], "AES"));
    private final PasswordHasher passwords = new PasswordHasher();
    private String refreshToken;
    private String storedPasswordHash;

    @Setup
    public void inputs() {
        refreshToken = tokens.newToken(UUID.randomUUID().toString(), Instant.now().plusSeconds(3600));
        storedPasswordHash = passwords.hash("trader1-demo-password");
    }

    @Benchmark
    public String refreshTokenSha256() {
        return tokens.hash(refreshToken);
    }

    @Benchmark
    public boolean passwordArgon2idVerify() {
        return passwords.verify("trader1-demo-password", storedPasswordHash);
    }
}
