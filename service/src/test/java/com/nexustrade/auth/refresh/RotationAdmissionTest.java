package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A storm longer than the grace window (docs/rotation.md): with more refreshes in progress than may rotate, a
 * refresh whose token would rotate is answered 503 before anything is written, its token still active, while a
 * grace replay is still served. Limit 2 here; the refreshes in progress are entered by the test, as
 * {@code TokenService.refresh} enters each request. On the shipped store (SQLite).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationAdmissionTest {

    private final MutableClock clock = new MutableClock();
    private Jdbi jdbi;
    private String userId;
    private OpaqueTokens tokens;
    private RotationAdmission admission;
    private RefreshTokenRotation rotation;

    @BeforeAll
    void database() throws Exception {
        jdbi = TestDatabase.migratedSqlite("admission");
        userId = TestDatabase.createUser(jdbi, "admission-user");
    }

    @BeforeEach
    void limitOfTwo() throws Exception {
        RefreshTokenDao dao = jdbi.onDemand(RefreshTokenDao.class);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey sealKey = aes.generateKey();
        tokens = new OpaqueTokens(sealKey);
        admission = new RotationAdmission(2);
        rotation = new RefreshTokenRotation(dao, dao, dao::rotate, tokens, new SuccessorSeal(sealKey),
                new SessionLifetimes(Duration.ofDays(30), Duration.ofDays(30), Duration.ofSeconds(30)), clock,
                new SecurityEvents(), admission);
    }

    @Test
    void beyondTheLimitARefreshIsAnswered503WithNothingWrittenAndItsTokenRotatesOnceTheLoadIsGone() {
        String token = rotation.startSession(userId).token();
        admission.enter();
        admission.enter();
        admission.enter(); // this refresh and two others: one more than may rotate

        assertThatThrownBy(() -> rotation.rotate(token, ClientContext.UNKNOWN))
                .isInstanceOfSatisfying(RotationBusyException.class, busy -> {
                    assertThat(busy.getStatus()).isEqualTo(503);
                    assertThat(busy.getErrorCode()).isEqualTo("temporarily_unavailable");
                    assertThat(busy.getHeaders()).containsEntry("Retry-After", "1");
                });
        assertThat(isActive(token)).as("nothing written: the token is still active").isTrue();

        admission.exit();
        assertThat(rotation.rotate(token, ClientContext.UNKNOWN).kind())
                .as("at the limit a refresh rotates").isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void aGraceReplayIsServedHoweverManyRefreshesAreInProgress() {
        String sibling = rotation.startSession(userId).token();
        String successor = rotation.rotate(sibling, ClientContext.UNKNOWN).successor().token();
        for (int i = 0; i < 10; i++) {
            admission.enter();
        }

        RotationOutcome replay = rotation.rotate(sibling, ClientContext.UNKNOWN);

        assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replay.successor().token()).isEqualTo(successor);
    }

    private boolean isActive(String token) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT used_at IS NULL FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", tokens.hash(token)).mapTo(Boolean.class).one());
    }
}
