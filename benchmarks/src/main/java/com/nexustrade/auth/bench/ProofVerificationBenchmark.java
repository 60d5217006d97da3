package com.nexustrade.auth.bench;

import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.dpop.ProofJtiStore;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
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

import java.net.URI;
import java.security.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * What DPoP adds to the CPU of one refresh: checking the request's proof (parse, header rules, signature, claims,
 * RFC 7638 thumbprint). The jti store is left out (it is one INSERT, a database cost): this store accepts every
 * jti, so one proof can be verified again and again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProofVerificationBenchmark {

    private static final String ISSUER = "http://localhost:8080";

    /** The proof's alg (ES256 is what the mobile app uses; RS256 with a 2048-bit key) and the verifying provider. */
    @Param({"ES256-jdk", "ES256-bouncycastle", "RS256-jdk"})
    public String variant;

    private ProofVerifier verifier;
    private String proof;

    @Setup
    public void proof() throws Exception {
        String alg = variant.substring(0, variant.indexOf('-'));
        Provider provider = variant.endsWith("bouncycastle") ? AccessTokenIssuer.BOUNCY_CASTLE : null;
        Instant iat = Instant.parse("2026-11-30T12:00:00Z");
        JWK key = "ES256".equals(alg) ? new ECKeyGenerator(Curve.P_256).generate()
                : new RSAKeyGenerator(2048).generate();
        proof = new DefaultDPoPProofFactory(key, JWSAlgorithm.parse(alg))
                .createDPoPJWT(new com.nimbusds.oauth2.sdk.id.JWTID(), "POST", URI.create(ISSUER + "/auth/refresh"),
                        Date.from(iat), null).serialize();
        ProofJtiStore acceptsAll = new ProofJtiStore() {
            @Override
            public boolean markUsed(String jtiHash, long expiresAt) {
                return true;
            }

            @Override
            public int deleteExpired(long now) {
                return 0;
            }
        };
        verifier = new ProofVerifier(ISSUER, Duration.ofSeconds(60), Clock.fixed(iat, ZoneOffset.UTC), acceptsAll,
                null, provider);
    }

    @Benchmark
    public String verifyRefreshProof() {
        return verifier.verify(proof, "POST", "/auth/refresh", null).jkt();
    }
}
