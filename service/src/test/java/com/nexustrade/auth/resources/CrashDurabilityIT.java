package com.nexustrade.auth.resources;

import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.EmbeddedPostgresServer;
import com.nexustrade.auth.support.ServiceProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost: the packaged jar is SIGKILLed in the middle of a refresh storm, restarted on the
 * same database, and every refresh token a client received with a 200 still works (by rotation or grace replay).
 * Runs the shipped config.yml (H2 file) and config-postgres.yml (PostgreSQL) as operators would.
 */
class CrashDurabilityIT {

    private static final int SESSIONS = 16;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgres"})
    void everyRefreshTokenAcknowledgedBeforeASigkillWorksAfterRestart(String database) throws Exception {
        Map<String, String> environment = environmentFor(database);
        String config = Path.of(System.getProperty("project.root"))
                .resolve(database.equals("h2") ? "config.yml" : "config-postgres.yml").toAbsolutePath().toString();
        if (database.equals("postgres")) {
            Map<String, String> withPassword = new HashMap<>(environment);
            withPassword.put("CRASH_PASSWORD", PASSWORD);
            assertThat(ServiceProcess.runCommand(workDir, withPassword, "add-user", "--username", "trader1",
                    "--email", "trader1@example.com", "--roles", "trader", "--tenant", "acme",
                    "--password-env", "CRASH_PASSWORD", config))
                    .as(Files.readString(workDir.resolve("command.log"))).isZero();
        }

        ServiceProcess first = ServiceProcess.start(workDir, config, environment, "first.log");
        ApiClient api = new ApiClient(first.port());
        AtomicReferenceArray<String> acknowledged = new AtomicReferenceArray<>(SESSIONS);
        for (int session = 0; session < SESSIONS; session++) {
            Reply login = api.login("trader1", PASSWORD);
            assertThat(login.status()).isEqualTo(200);
            acknowledged.set(session, login.text("refresh_token"));
        }

        AtomicInteger refreshes = new AtomicInteger();
        ExecutorService storm = Executors.newFixedThreadPool(SESSIONS);
        for (int session = 0; session < SESSIONS; session++) {
            int mine = session;
            storm.submit(() -> refreshUntilTheServerDies(api, acknowledged, mine, refreshes));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refreshes.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        first.kill();
        storm.shutdown();
        assertThat(storm.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int acknowledgedRefreshes = refreshes.get();

        ServiceProcess second = ServiceProcess.start(workDir, config, environment, "second.log");
        try {
            ApiClient restarted = new ApiClient(second.port());
            List<Integer> statuses = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (int session = 0; session < SESSIONS; session++) {
                Reply reply = restarted.refresh(acknowledged.get(session));
                statuses.add(reply.status());
                if (reply.status() != 200) {
                    refusals.add(reply.body());
                }
            }
            assertThat(statuses).as("refused: %s", refusals).containsOnly(200);
            System.out.printf("crash durability (%s): %d refreshes acknowledged before SIGKILL, %d sessions' "
                    + "last acknowledged tokens checked after restart, statuses %s%n",
                    database, acknowledgedRefreshes, SESSIONS, statuses);
        } finally {
            second.stop();
        }
    }

    /** One device: refresh with the token it got last, until the connection fails because the server was killed. */
    private static void refreshUntilTheServerDies(ApiClient api, AtomicReferenceArray<String> acknowledged, int session,
                                                 AtomicInteger refreshes) {
        for (int i = 0; i < 100_000; i++) {
            Reply reply;
            try {
                reply = api.refresh(acknowledged.get(session));
            } catch (UncheckedIOException | IllegalStateException serverGone) {
                return;
            }
            if (reply.status() != 200) {
                throw new AssertionError("refresh before the kill answered " + reply.status() + ": " + reply.body());
            }
            acknowledged.set(session, reply.text("refresh_token"));
            refreshes.incrementAndGet();
        }
    }

    private Map<String, String> environmentFor(String database) throws Exception {
        Map<String, String> environment = new HashMap<>();
        // A refresh in flight at the kill may have committed without its answer arriving: the device then holds
        // the predecessor, which the restarted service replays within the grace window. On a loaded machine the
        // restart alone took 50 s, past the shipped 30 s window, and the replay became reuse_detected. This test
        // is about durability, not restart speed, so its window outlasts any restart.
        environment.put("JAVA_TOOL_OPTIONS", "-Ddw.tokens.refreshReuseGrace=10m");
        environment.put("AUTH_PORT", String.valueOf(ServiceProcess.freePort()));
        environment.put("AUTH_ADMIN_PORT", String.valueOf(ServiceProcess.freePort()));
        environment.put("AUTH_KEY_DIR", workDir.resolve("keys").toString());
        if (database.equals("h2")) {
            environment.put("DEMO_TRADER_PASSWORD", PASSWORD);
            environment.put("AUTH_DB_URL", "jdbc:h2:file:" + workDir.resolve("auth")
                    + ";MODE=PostgreSQL;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
            return environment;
        }
        // A fleet never generates keys: they are provisioned, here as files in the key directory.
        Files.createDirectories(workDir.resolve("keys"));
        Files.writeString(workDir.resolve("keys").resolve(KeyDirectory.SIGNING_KEY_FILE),
                KeyDirectory.pem("PRIVATE KEY", KeyDirectory.newEcKeyPair().getPrivate().getEncoded()));
        byte[] sealKey = new byte[32];
        new SecureRandom().nextBytes(sealKey);
        environment.put("AUTH_SEAL_KEY", Base64.getEncoder().encodeToString(sealKey));
        environment.put("AUTH_ISSUER", "http://nexus-auth.crash-test");
        environment.put("AUTH_DB_URL", EmbeddedPostgresServer.newDatabase("crash_durability"));
        environment.put("AUTH_DB_USER", "postgres");
        environment.put("AUTH_DB_PASSWORD", "");
        return environment;
    }
}
