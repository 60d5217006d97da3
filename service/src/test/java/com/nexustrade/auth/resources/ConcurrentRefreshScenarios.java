package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident's reproduction step 1, over real HTTP: phone, tablet and the app's retry loop refresh with the
 * same token at the same moment. The old service answered 200 once and 401 to every other call.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
abstract class ConcurrentRefreshScenarios {

    private ApiClient api;

    /** The running service of the subclass, on the database kind it tests. */
    protected abstract DropwizardAppExtension<AuthConfiguration> app();

    protected abstract MutableClock clock();

    @BeforeEach
    void connect() {
        api = new ApiClient(app().getLocalPort());
    }

    @ParameterizedTest(name = "{0} concurrent refreshes")
    @ValueSource(ints = {3, 50})
    void concurrentRefreshesOfOneTokenAllSucceedWithOneSuccessorThatWorks(int parallel) throws Exception {
        String original = loginRefreshToken();

        List<Reply> replies = refreshAllAtOnce(original, parallel);

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        Set<String> successors = replies.stream().map(reply -> reply.text("refresh_token")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1).doesNotContain(original);
        assertThat(replies).allSatisfy(reply -> assertThat(api.me(reply.text("access_token")).status()).isEqualTo(200));

        Reply next = api.refresh(successors.iterator().next());
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void mobileRetryLoopOfTheOldTokenGetsTheSameSuccessorEveryTime() throws Exception {
        String original = loginRefreshToken();
        Set<String> successors = refreshAllAtOnce(original, 3).stream()
                .map(reply -> reply.text("refresh_token")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1);

        for (int retry = 0; retry < 3; retry++) {
            Reply replay = api.refresh(original);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.text("refresh_token")).isEqualTo(successors.iterator().next());
        }
    }

    @Test
    void reuseAfterTheGraceWindowIsRefusedAndKillsTheSuccessor() {
        String original = loginRefreshToken();
        String successor = api.refresh(original).text("refresh_token");

        clock().advance(Duration.ofSeconds(31));
        Reply reuse = api.refresh(original);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("error")).isEqualTo("invalid_grant");
        assertThat(reuse.text("reason")).isEqualTo("reuse_detected");
        Reply successorAfterReuse = api.refresh(successor);
        assertThat(successorAfterReuse.status()).isEqualTo(401);
        assertThat(successorAfterReuse.text("reason")).isEqualTo("revoked");
    }

    /**
     * What the store keeps (docs/rotation.md), through the group commit: sessions rotating together leave two rows
     * each, and the oldest token, its row long gone, is still reuse that ends its session.
     */
    @Test
    void sessionsRotatingTogetherKeepTwoTokensEachAndTheirOldestTokensAreStillReuse() throws Exception {
        int sessions = 8;
        List<String> first = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            first.add(loginRefreshToken());
        }
        List<String> current = first;
        for (int round = 0; round < 6; round++) {
            List<String> presented = current;
            List<Reply> replies = AllAtOnce.run(sessions, i -> () -> api.refresh(presented.get(i)));
            assertThat(replies).extracting(Reply::status).containsOnly(200);
            current = replies.stream().map(reply -> reply.text("refresh_token")).toList();
        }

        DataSourceFactory database = app().getConfiguration().getDatabase();
        Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
        for (String token : current) {
            String familyId = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT family_id FROM refresh_tokens WHERE token_hash = :h")
                    .bind("h", sha256Hex(token)).mapTo(String.class).one());
            int rows = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f")
                    .bind("f", familyId).mapTo(Integer.class).one());
            assertThat(rows).as("the live token and its predecessor, after 6 rotations").isEqualTo(2);
        }
        Reply reuse = api.refresh(first.get(0));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("reason")).isEqualTo("reuse_detected");
        assertThat(api.refresh(current.get(0)).text("reason")).isEqualTo("revoked");
        assertThat(api.refresh(current.get(1)).status()).as("another session is untouched").isEqualTo(200);
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private String loginRefreshToken() {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return login.text("refresh_token");
    }

    /** Every thread waits at the barrier, so the requests leave together like phone, tablet and retries. */
    private List<Reply> refreshAllAtOnce(String token, int parallel) throws Exception {
        return AllAtOnce.run(parallel, i -> () -> api.refresh(token));
    }
}
