package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A storm longer than the grace window (docs/rotation.md): with every rotation slot taken, one more rotation is
 * answered 503 before anything is written, its token still active, while a grace replay is still served. One slot
 * here, held by a rotation the test keeps waiting in its commit; on the shipped store (SQLite).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationAdmissionTest {

    private final MutableClock clock = new MutableClock();
    private Jdbi jdbi;
    private String userId;
    private RefreshTokenDao dao;
    private RefreshTokenRotation rotation;
    private OpaqueTokens tokens;
    private volatile CountDownLatch inCommit;
    private volatile CountDownLatch commitMayFinish;

    @BeforeAll
    void database() throws Exception {
        jdbi = TestDatabase.migratedSqlite("admission");
        userId = TestDatabase.createUser(jdbi, "admission-user");
    }

    @BeforeEach
    void oneSlot() throws Exception {
        dao = jdbi.onDemand(RefreshTokenDao.class);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey sealKey = aes.generateKey();
        tokens = new OpaqueTokens(sealKey);
        inCommit = new CountDownLatch(1);
        commitMayFinish = new CountDownLatch(0);
        RotationWriter heldWhileTheTestSaysSo = (current, now, successorId, successorHash, expiresAt, sealed, until) -> {
            inCommit.countDown();
            await(commitMayFinish);
            return dao.rotate(current, now, successorId, successorHash, expiresAt, sealed, until);
        };
        rotation = new RefreshTokenRotation(dao, dao, heldWhileTheTestSaysSo, tokens,
                new SuccessorSeal(sealKey), new SessionLifetimes(Duration.ofDays(30), Duration.ofDays(30),
                Duration.ofSeconds(30)), clock, new SecurityEvents(), new RotationAdmission(1));
    }

    @AfterEach
    void releaseTheHeldCommit() {
        commitMayFinish.countDown();
    }

    @Test
    void aRotationBeyondTheLimitIsAnswered503WithNothingWrittenAndItsTokenRotatesLater() throws Exception {
        String first = rotation.startSession(userId).token();
        String second = rotation.startSession(userId).token();
        CompletableFuture<RotationOutcome> holdingTheSlot = holdTheOnlySlotWith(first);

        assertThatThrownBy(() -> rotation.rotate(second, ClientContext.UNKNOWN))
                .isInstanceOfSatisfying(RotationBusyException.class, busy -> {
                    assertThat(busy.getStatus()).isEqualTo(503);
                    assertThat(busy.getErrorCode()).isEqualTo("temporarily_unavailable");
                    assertThat(busy.getHeaders()).containsEntry("Retry-After", "1");
                });
        assertThat(isActive(second)).as("nothing written: the token is still active").isTrue();

        commitMayFinish.countDown();
        assertThat(holdingTheSlot.get(10, TimeUnit.SECONDS).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
        assertThat(rotation.rotate(second, ClientContext.UNKNOWN).kind())
                .as("the slot is free again once the held rotation committed").isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void aGraceReplayIsServedWhileEverySlotIsTaken() throws Exception {
        String sibling = rotation.startSession(userId).token();
        String successor = rotation.rotate(sibling, ClientContext.UNKNOWN).successor().token();
        String other = rotation.startSession(userId).token();
        holdTheOnlySlotWith(other);

        RotationOutcome replay = rotation.rotate(sibling, ClientContext.UNKNOWN);

        assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replay.successor().token()).isEqualTo(successor);
    }

    /** Starts a rotation of {@code token} that stays in its commit, holding the one slot, until the test lets it go. */
    private CompletableFuture<RotationOutcome> holdTheOnlySlotWith(String token) throws InterruptedException {
        inCommit = new CountDownLatch(1);
        commitMayFinish = new CountDownLatch(1);
        CompletableFuture<RotationOutcome> rotating = CompletableFuture.supplyAsync(
                () -> rotation.rotate(token, ClientContext.UNKNOWN));
        assertThat(inCommit.await(10, TimeUnit.SECONDS)).as("the held rotation reached its commit").isTrue();
        return rotating;
    }

    private boolean isActive(String token) {
        String hash = tokens.hash(token);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT used_at IS NULL FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", hash).mapTo(Boolean.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the held commit finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
