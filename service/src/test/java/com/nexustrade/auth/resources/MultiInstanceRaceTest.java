package com.nexustrade.auth.resources;

import com.nexustrade.auth.support.RequiresEmbeddedPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.EmbeddedPostgresServer;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone and tablet behind a load balancer hit DIFFERENT instances at the same millisecond: exactly where a
 * JVM lock would stop protecting the rotation. Three service instances share one real PostgreSQL database.
 */
@ExtendWith(RequiresEmbeddedPostgres.class)
class MultiInstanceRaceTest {

    private static final int INSTANCES = 3;
    private static final int PARALLEL = 100;
    private static final int ROUNDS = 50;

    private static final MutableClock CLOCK = new MutableClock();
    private static final List<DropwizardTestSupport<AuthConfiguration>> SERVICES = new ArrayList<>();
    private static final List<ApiClient> CLIENTS = new ArrayList<>();
    private static String databaseUrl;

    @BeforeAll
    static void startInstances() throws Exception {
        databaseUrl = EmbeddedPostgresServer.newDatabase("multi_instance");
        for (int i = 0; i < INSTANCES; i++) {
            DropwizardTestSupport<AuthConfiguration> service =
                    TestService.startFleetInstance(databaseUrl, "target/test-keys/multi-instance", 32, CLOCK);
            SERVICES.add(service);
            CLIENTS.add(new ApiClient(service.getLocalPort()));
        }
    }

    @AfterAll
    static void stopInstances() {
        // Reverse order: each instance restores the dw.* system properties it found, which the previous one set.
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).after();
        }
    }

    @Test
    void hundredConcurrentRefreshesAcrossInstancesForFiftyRoundsAllSucceedWithOneRotationPerRound() throws Exception {
        Reply login = CLIENTS.get(0).login(TestService.USERNAME, TestService.PASSWORD);
        String familyId = ClaimsTest.decodePart(login.text("access_token"), 1).get("sid").asText();
        String current = login.text("refresh_token");
        Map<Integer, Integer> statusCounts = new HashMap<>();

        for (int round = 0; round < ROUNDS; round++) {
            List<Reply> replies = refreshAcrossInstances(current);
            replies.forEach(reply -> statusCounts.merge(reply.status(), 1, Integer::sum));
            assertThat(replies).as("round %d", round).extracting(Reply::status).containsOnly(200);
            Set<String> successors = replies.stream().map(r -> r.text("refresh_token")).collect(Collectors.toSet());
            assertThat(successors).as("round %d", round).hasSize(1);
            current = successors.iterator().next();
        }

        // Each rotation deletes the predecessor it makes spent (docs/rotation.md, "What the store keeps"): a
        // second winner in any round would have left a successor of its own, outside the chain, as a third row.
        assertThat(countRows("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = ?", familyId))
                .as("the live token and its predecessor: exactly one successor per round").isEqualTo(2);
        assertThat(countRows("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = ? AND used_at IS NOT NULL", familyId))
                .isEqualTo(1);
        assertThat(CLIENTS.get(2).refresh(current).status()).as("the last successor works").isEqualTo(200);
        System.out.printf("multi-instance race: instances=%d rounds=%d requests=%d status_counts=%s rotations=%d%n",
                INSTANCES, ROUNDS, ROUNDS * PARALLEL, statusCounts, ROUNDS);
    }

    @Test
    void reuseDetectedOnOneInstanceRevokesTheSessionOnAllInstances() {
        String original = CLIENTS.get(0).login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        String successor = CLIENTS.get(1).refresh(original).text("refresh_token");

        CLOCK.advance(Duration.ofSeconds(31));
        Reply reuse = CLIENTS.get(2).refresh(original);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("reason")).isEqualTo("reuse_detected");
        for (ApiClient instance : CLIENTS) {
            Reply refused = instance.refresh(successor);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("reason")).isEqualTo("revoked");
        }
    }

    @Test
    void graceReplayOnAnotherInstanceReturnsTheSameSuccessor() {
        String original = CLIENTS.get(0).login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        String successor = CLIENTS.get(0).refresh(original).text("refresh_token");

        for (ApiClient instance : CLIENTS) {
            Reply replay = instance.refresh(original);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.text("refresh_token")).isEqualTo(successor);
            assertThat(instance.me(replay.text("access_token")).status()).isEqualTo(200);
        }
    }

    private static List<Reply> refreshAcrossInstances(String token) throws Exception {
        return AllAtOnce.run(PARALLEL, i -> () -> CLIENTS.get(i % INSTANCES).refresh(token));
    }

    private static int countRows(String sql, String familyId) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, familyId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
