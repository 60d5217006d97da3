package com.nexustrade.auth.bench;

import com.nexustrade.auth.access.IssuerAndAudience;

import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.access.RolePermissions;
import com.nexustrade.auth.keys.SigningKey;
import com.nexustrade.auth.users.UserAccount;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The dominant cost of a refresh: minting one ES256 access token with every claim. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

    /** "bouncycastle" (what the service uses) or "jdk" (the JDK's own SunEC). */
    @Param({"bouncycastle", "jdk"})
    public String provider;

    private AccessTokenIssuer issuer;
    private UserAccount user;

    @Setup
    public void keys() {
        KeyPair pair = KeyDirectory.newEcKeyPair();
        KeyRing ring = new KeyRing(SigningKey.ofPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()),
                List.of());
        issuer = new AccessTokenIssuer(ring, new RolePermissions(Map.of("admin", List.of("users:read", "orders:write"),
                "trader", List.of("orders:read", "orders:write", "portfolio:read"))),
                new IssuerAndAudience("http://localhost:8080", "nexustrade-api"), Duration.ofMinutes(5), Duration.ofMinutes(5), Clock.systemUTC(),
                provider.equals("jdk") ? null : AccessTokenIssuer.BOUNCY_CASTLE);
        user = new UserAccount("7f1c0d4e-0000-4000-8000-000000000001", "trader1", "trader1@example.com", "acme",
                List.of("admin", "trader"));
    }

    @Benchmark
    public String mintUserAccessToken() {
        return issuer.forUser(user, "5f9f104a-0dcc-47d1-a1b7-39e365eb1995").jwt();
    }
}
