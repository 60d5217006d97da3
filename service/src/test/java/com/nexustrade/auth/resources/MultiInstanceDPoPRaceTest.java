package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.DeviceKey;
import com.nexustrade.auth.support.EmbeddedPostgresServer;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MultiInstanceRaceTest} with a DPoP-bound session: three instances on one PostgreSQL database. The key
 * binding and the jti store live in the database, so they hold across instances as the rotation does.
 */
class MultiInstanceDPoPRaceTest {

    private static final int INSTANCES = 3;
    private static final int PARALLEL = 50;
    private static final int ROUNDS = 10;
    private static final String REFRESH = "/auth/refresh";

    private static final MutableClock CLOCK = new MutableClock();
    private static final List<DropwizardTestSupport<AuthConfiguration>> SERVICES = new ArrayList<>();
    private static final List<ApiClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startInstances() throws Exception {
        String databaseUrl = EmbeddedPostgresServer.newDatabase("multi_instance_dpop");
        for (int i = 0; i < INSTANCES; i++) {
            DropwizardTestSupport<AuthConfiguration> service =
                    TestService.startFleetInstance(databaseUrl, "target/test-keys/multi-instance-dpop", 32, CLOCK);
            SERVICES.add(service);
            CLIENTS.add(new ApiClient(service.getLocalPort()));
        }
    }

    @AfterAll
    static void stopInstances() {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).after();
        }
    }

    @Test
    void concurrentBoundRefreshesAcrossInstancesAllSucceedWithOneSuccessorPerRound() throws Exception {
        DeviceKey phone = DeviceKey.generate();
        String current = login(phone);

        for (int round = 0; round < ROUNDS; round++) {
            String token = current;
            List<String> proofs = IntStream.range(0, PARALLEL).mapToObj(i -> phone.proof(REFRESH, CLOCK.instant())).toList();
            List<Reply> replies = AllAtOnce.run(PARALLEL, i -> () -> CLIENTS.get(i % INSTANCES).refresh(token, proofs.get(i)));
            assertThat(replies).as("round %d", round).extracting(Reply::status).containsOnly(200);
            Set<String> successors = replies.stream().map(r -> r.text("refresh_token")).collect(Collectors.toSet());
            assertThat(successors).as("round %d", round).hasSize(1);
            current = successors.iterator().next();
        }
        assertThat(CLIENTS.get(2).refresh(current, phone.proof(REFRESH, CLOCK.instant())).status()).isEqualTo(200);
    }

    @Test
    void aProofAcceptedByOneInstanceIsRefusedByAnother() {
        DeviceKey phone = DeviceKey.generate();
        String proof = phone.proof(REFRESH, CLOCK.instant());
        Reply first = CLIENTS.get(0).refresh(login(phone), proof);

        Reply replayed = CLIENTS.get(1).refresh(first.text("refresh_token"), proof);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.text("reason")).isEqualTo("jti_reused");
    }

    @Test
    void aThiefOnAnotherInstanceInsideTheWindowEndsTheSessionOnAllInstances() {
        DeviceKey phone = DeviceKey.generate();
        String original = login(phone);
        String successor = CLIENTS.get(0).refresh(original, phone.proof(REFRESH, CLOCK.instant())).text("refresh_token");
        CLOCK.advance(Duration.ofSeconds(5));

        Reply thief = CLIENTS.get(1).refresh(original);

        assertThat(thief.status()).isEqualTo(401);
        assertThat(thief.text("reason")).isEqualTo("dpop_key_mismatch");
        for (ApiClient instance : CLIENTS) {
            Reply refused = instance.refresh(successor, phone.proof(REFRESH, CLOCK.instant()));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("reason")).isEqualTo("revoked");
        }
    }

    private static String login(DeviceKey phone) {
        Reply login = CLIENTS.get(0).login(TestService.USERNAME, TestService.PASSWORD, phone.proof("/auth/login", CLOCK.instant()));
        assertThat(login.status()).isEqualTo(200);
        return login.text("refresh_token");
    }
}
