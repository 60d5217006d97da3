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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A storm longer than the grace window (docs/rotation.md): with every rotation slot taken, a refresh whose token
 * would rotate is answered 503 before anything is written, its token still active, while a grace replay is still
 * served. Two slots here, taken by rotations on other threads that have not answered yet (a slot is held until
 * {@code TokenService.refresh} answers, which here is when the test says). On the shipped store (SQLite).
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
    void twoSlots() throws Exception {
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
    void withEverySlotTakenARefreshIsAnswered503WithNothingWrittenAndItsTokenRotatesOnceOneIsFree() throws Exception {
        String token = rotation.startSession(userId).token();
        HeldRotation first = new HeldRotation(rotation.startSession(userId).token());
        HeldRotation second = new HeldRotation(rotation.startSession(userId).token());

        assertThatThrownBy(() -> rotation.rotate(token, ClientContext.UNKNOWN))
                .isInstanceOfSatisfying(RotationBusyException.class, busy -> {
                    assertThat(busy.getStatus()).isEqualTo(503);
                    assertThat(busy.getErrorCode()).isEqualTo("temporarily_unavailable");
                    assertThat(busy.getHeaders()).containsEntry("Retry-After", "1");
                });
        assertThat(isActive(token)).as("nothing written: the token is still active").isTrue();

        first.answer();
        assertThat(rotation.rotate(token, ClientContext.UNKNOWN).kind())
                .as("a slot is free once a rotating refresh answered").isEqualTo(RotationOutcome.Kind.ROTATED);
        admission.releaseHeld();
        second.answer();
    }

    @Test
    void aGraceReplayIsServedWhileEverySlotIsTaken() throws Exception {
        String sibling = rotation.startSession(userId).token();
        String successor = rotation.rotate(sibling, ClientContext.UNKNOWN).successor().token();
        admission.releaseHeld();
        HeldRotation first = new HeldRotation(rotation.startSession(userId).token());
        HeldRotation second = new HeldRotation(rotation.startSession(userId).token());

        RotationOutcome replay = rotation.rotate(sibling, ClientContext.UNKNOWN);

        assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replay.successor().token()).isEqualTo(successor);
        first.answer();
        second.answer();
    }

    /** A refresh on a thread of its own that rotated and holds its slot until the test lets it answer. */
    private final class HeldRotation {

        private final CountDownLatch answer = new CountDownLatch(1);
        private final Thread thread;

        HeldRotation(String token) throws InterruptedException {
            CountDownLatch rotated = new CountDownLatch(1);
            thread = new Thread(() -> {
                rotation.rotate(token, ClientContext.UNKNOWN);
                rotated.countDown();
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    admission.releaseHeld();
                }
            });
            thread.start();
            assertThat(rotated.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void answer() throws InterruptedException {
            answer.countDown();
            thread.join(10_000);
        }
    }

    private boolean isActive(String token) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT used_at IS NULL FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", tokens.hash(token)).mapTo(Boolean.class).one());
    }
}
