package com.nexustrade.auth.bench;

import com.nexustrade.auth.refresh.SessionLifetimes;

import com.codahale.metrics.MetricRegistry;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.refresh.OpaqueTokens;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.refresh.RefreshTokenRotation;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.refresh.SuccessorSeal;
import com.nexustrade.auth.db.OneConnection;
import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.db.SchemaMigrator;
import com.nexustrade.auth.db.SqlTemplating;
import com.nexustrade.auth.db.UserDao;
import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database round trip of a refresh, as the service makes it: on one pooled connection, read the token with
 * its owner, then rotate it (conditional UPDATE + INSERT, one transaction) on an H2 file database with
 * WRITE_DELAY=0, the shipped configuration. Each thread rotates its own session, like a bench worker; run with
 * {@code -t 8} to see the commits queue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RotationBenchmark {

    @State(Scope.Benchmark)
    public static class Database {
        Path directory;
        OneConnection connection;
        RefreshTokenRotation rotation;
        String userId;

        @Setup(Level.Trial)
        public void open() throws Exception {
            directory = Files.createTempDirectory("rotation-bench");
            DataSourceFactory database = new DataSourceFactory();
            database.setDriverClass("org.h2.Driver");
            database.setUrl("jdbc:h2:file:" + directory.resolve("db") + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
            database.setUser("sa");
            database.setPassword("");
            database.setMaxSize(32);
            SchemaMigrator.migrate(database);
            Jdbi jdbi = SqlTemplating.off(Jdbi.create(database.build(new MetricRegistry(), "bench")).installPlugin(new SqlObjectPlugin()));
            new Provisioning(jdbi, new PasswordHasher(), Clock.systemUTC())
                    .upsertUser("trader1", "trader1@example.com", "trader1-demo-password", List.of("admin", "trader"), "acme");
            userId = jdbi.onDemand(UserDao.class).findByUsername("trader1").orElseThrow().id();
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256);
            connection = new OneConnection(jdbi);
            SecretKey sealKey = aes.generateKey();
            rotation = new RefreshTokenRotation(jdbi.onDemand(RefreshTokenDao.class), new OpaqueTokens(sealKey),
                    new SuccessorSeal(sealKey),
                    new SessionLifetimes(Duration.ofDays(30), SessionLifetimes.DEFAULT_SESSION_MAX_LIFETIME,
                            Duration.ofSeconds(30)), Clock.systemUTC(), new SecurityEvents());
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @State(Scope.Thread)
    public static class Session {
        String token;

        @Setup(Level.Trial)
        public void login(Database database) {
            token = database.rotation.startSession(database.userId).token();
        }
    }

    @Benchmark
    public String rotate(Database database, Session session) {
        session.token = database.connection.run(() -> database.rotation.rotate(session.token, ClientContext.UNKNOWN))
                .successor().token();
        return session.token;
    }
}
