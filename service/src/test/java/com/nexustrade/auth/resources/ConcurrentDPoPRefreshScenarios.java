package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.DeviceKey;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConcurrentRefreshScenarios} with sessions bound to the phone's key: the holder's concurrent refreshes,
 * each with its own proof, still all get 200 and one successor, while the same token without the key, inside
 * the window, ends the session.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
abstract class ConcurrentDPoPRefreshScenarios {

    private static final String REFRESH = "/auth/refresh";

    private ApiClient api;
    private DeviceKey phone;

    protected abstract DropwizardAppExtension<AuthConfiguration> app();

    protected abstract MutableClock clock();

    @BeforeEach
    void connect() {
        api = new ApiClient(app().getLocalPort());
        phone = DeviceKey.generate();
    }

    @ParameterizedTest(name = "{0} concurrent refreshes with proofs from the bound key")
    @ValueSource(ints = {3, 50})
    void concurrentRefreshesOfOneBoundTokenWithItsKeyAllSucceedWithOneSuccessor(int parallel) throws Exception {
        String original = boundLogin();
        // One proof per request, made before the barrier so that the requests leave together.
        List<String> proofs = java.util.stream.IntStream.range(0, parallel)
                .mapToObj(i -> phone.proof(REFRESH, clock().instant())).toList();

        List<Reply> replies = AllAtOnce.run(parallel, i -> () -> api.refresh(original, proofs.get(i)));

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(reply -> reply.text("token_type")).containsOnly("DPoP");
        Set<String> successors = replies.stream().map(reply -> reply.text("refresh_token")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1).doesNotContain(original);
        Reply next = api.refresh(successors.iterator().next(), phone.proof(REFRESH, clock().instant()));
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void afterConcurrentRefreshesTheTokenWithoutTheKeyInsideTheWindowEndsTheSession() throws Exception {
        String original = boundLogin();
        List<String> proofs = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> phone.proof(REFRESH, clock().instant())).toList();
        String successor = AllAtOnce.run(3, i -> () -> api.refresh(original, proofs.get(i))).get(0)
                .text("refresh_token");
        clock().advance(Duration.ofSeconds(10));

        Reply thief = api.refresh(original);

        assertThat(thief.status()).isEqualTo(401);
        assertThat(thief.text("reason")).isEqualTo("dpop_key_mismatch");
        assertThat(thief.json().has("refresh_token")).isFalse();
        Reply holder = api.refresh(successor, phone.proof(REFRESH, clock().instant()));
        assertThat(holder.status()).isEqualTo(401);
        assertThat(holder.text("reason")).isEqualTo("revoked");
    }

    @Test
    void aThiefRacingTheHolderNeverGetsATokenAndTheSessionEnds() throws Exception {
        String original = boundLogin();
        List<String> proofs = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> phone.proof(REFRESH, clock().instant())).toList();

        // Ten requests at once: nine from the holder, one from a thief who has the token but not the key.
        List<Reply> replies = AllAtOnce.run(10, i -> () -> i == 0 ? api.refresh(original) : api.refresh(original,
                proofs.get(i)));

        assertThat(replies.get(0).status()).isEqualTo(401);
        assertThat(replies.get(0).text("reason")).isEqualTo("dpop_key_mismatch");
        assertThat(replies.get(0).json().has("access_token")).isFalse();
        // Whatever the holder's requests got before the revocation, the session is over now.
        Reply after = api.refresh(original, phone.proof(REFRESH, clock().instant()));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.text("reason")).isEqualTo("revoked");
    }

    private String boundLogin() {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD, phone.proof("/auth/login", clock().instant()));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("DPoP");
        return login.text("refresh_token");
    }
}
