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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A storm longer than the grace window (docs/rotation.md): admission decides on arrival. With every slot taken a
 * new token is answered 503 before anything is read or written, while the twin of a token rotating now, or rotated
 * within the window, goes in and gets its grace replay. Refreshes run here as {@code core.TokenService.refresh}
 * runs them (admit, rotate, mark rotated, close on answering), on the shipped store (SQLite), two slots, a 30-s
 * grace window and a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationAdmissionTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

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
        admission = new RotationAdmission(2, tokens, GRACE, clock);
        rotation = new RefreshTokenRotation(dao, tokens, new SuccessorSeal(sealKey),
                new SessionLifetimes(Duration.ofDays(30), Duration.ofDays(30), GRACE), clock, new SecurityEvents());
    }

    @Test
    void withEverySlotTakenANewTokenIsAnswered503WithNothingWrittenAndGoesInOnceASlotIsFree() {
        String token = newSession();
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());

        assertThatThrownBy(() -> admission.admit(token))
                .isInstanceOfSatisfying(RotationBusyException.class, busy -> {
                    assertThat(busy.getStatus()).isEqualTo(503);
                    assertThat(busy.getErrorCode()).isEqualTo("temporarily_unavailable");
                    assertThat(busy.getHeaders()).containsEntry("Retry-After", "1");
                });
        assertThat(isActive(token)).as("nothing written: the token is still active").isTrue();

        first.close();
        try (RotationAdmission.Admitted admitted = admission.admit(token)) {
            assertThat(rotation.rotate(token, ClientContext.UNKNOWN).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
        }
        second.close();
    }

    /** Phone and tablet at the same moment: the second goes in while the first holds the last slot. */
    @Test
    void theTwinOfATokenBeingRefreshedGoesInWithoutASlotAndGetsTheSameSuccessor() {
        String shared = newSession();
        RotationAdmission.Admitted other = admission.admit(newSession());
        RotationAdmission.Admitted phone = admission.admit(shared);
        RotationOutcome rotated = rotation.rotate(shared, ClientContext.UNKNOWN);
        phone.rotated();

        RotationOutcome replay;
        try (RotationAdmission.Admitted tablet = admission.admit(shared)) {
            replay = rotation.rotate(shared, ClientContext.UNKNOWN);
        }

        assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replay.successor().token()).isEqualTo(rotated.successor().token());
        phone.close();
        other.close();
        assertThat(freeSlots()).as("every slot given back, the twin's not counted").isEqualTo(2);
    }

    /** The storm: the twin arrives after the rotation was answered, while the line is full. */
    @Test
    void theTwinOfARecentlyRotatedTokenGoesInAheadOfAFullLineWithinTheWindow() {
        String shared = newSession();
        String successor;
        try (RotationAdmission.Admitted phone = admission.admit(shared)) {
            successor = rotation.rotate(shared, ClientContext.UNKNOWN).successor().token();
            phone.rotated();
        }
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());
        clock.advance(GRACE.minusSeconds(1));

        try (RotationAdmission.Admitted tablet = admission.admit(shared)) {
            RotationOutcome replay = rotation.rotate(shared, ClientContext.UNKNOWN);
            assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
            assertThat(replay.successor().token()).isEqualTo(successor);
        }
        first.close();
        second.close();
    }

    /** Remembered for one to two windows, then counted like any token (bounded in time). */
    @Test
    void aRotatedTokenIsForgottenTwoWindowsLater() {
        String shared = newSession();
        try (RotationAdmission.Admitted phone = admission.admit(shared)) {
            phone.rotated();
        }
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());
        clock.advance(GRACE);
        assertThatCode(() -> admission.admit(shared).close()).as("one window later").doesNotThrowAnyException();

        clock.advance(GRACE);

        assertThatThrownBy(() -> admission.admit(shared)).isInstanceOf(RotationBusyException.class);
        first.close();
        second.close();
    }

    @Test
    void aTokenRefusedWithoutTheStoreTakesNoSlot() {
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());

        assertThatCode(() -> admission.admit("not-a-refresh-token").close()).doesNotThrowAnyException();
        first.close();
        second.close();
    }

    @Test
    void withoutALimitNothingIsEverBusy() {
        RotationAdmission unlimited = new RotationAdmission(0, tokens, GRACE, clock);
        for (int i = 0; i < 100; i++) {
            unlimited.admit(newSession());
        }
    }

    /**
     * The storm longer than the window: the phone rotates, then the service turns refreshes away for 40 s while the
     * tablet is held up on the client side; it arrives 40 s after the rotation, past the 30-s window on the wall
     * clock. The window did not run while the door was shut: it gets the replay.
     */
    @Test
    void aTwinHeldUpWhileTheServiceTurnedRefreshesAwayGetsTheReplayPastTheWallClocksWindow() {
        String shared = newSession();
        String successor = rotateOnThePhone(shared);
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());
        turnAwayEverySecondFor(40);

        try (RotationAdmission.Admitted tablet = admission.admit(shared)) {
            RotationOutcome replay = rotation.rotate(shared, ClientContext.UNKNOWN, PresentedKey.NONE, tablet);
            assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
            assertThat(replay.successor().token()).isEqualTo(successor);
        }
        first.close();
        second.close();
    }

    /**
     * Once the door opens the window runs again: 10 busy seconds, then 25 quiet ones, is 25 s of window (a
     * replay); 6 more quiet seconds is 31 (reuse). On the wall clock alone the first is already reuse.
     */
    @Test
    void theWindowRunsAgainOnceTheDoorOpensAndOnTheWallClockItNeverStopped() {
        String shared = newSession();
        String control = newSession();
        rotateOnThePhone(shared);
        rotateOnThePhone(control);
        RotationAdmission.Admitted first = admission.admit(newSession());
        RotationAdmission.Admitted second = admission.admit(newSession());
        turnAwayEverySecondFor(10);
        first.close();
        second.close();
        clock.advance(Duration.ofSeconds(25));

        try (RotationAdmission.Admitted tablet = admission.admit(shared)) {
            assertThat(rotation.rotate(shared, ClientContext.UNKNOWN, PresentedKey.NONE, tablet).kind())
                    .isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        }
        assertThatThrownBy(() -> rotation.rotate(control, ClientContext.UNKNOWN, PresentedKey.NONE, WindowClock.WALL))
                .as("the same twin judged on the wall clock")
                .isInstanceOfSatisfying(InvalidGrantException.class,
                        refused -> assertThat(refused.getFailure()).isEqualTo(GrantFailure.REUSE_DETECTED));
        clock.advance(Duration.ofSeconds(6));
        try (RotationAdmission.Admitted retry = admission.admit(shared)) {
            assertThatThrownBy(() -> rotation.rotate(shared, ClientContext.UNKNOWN, PresentedKey.NONE, retry))
                    .isInstanceOfSatisfying(InvalidGrantException.class,
                            refused -> assertThat(refused.getFailure()).isEqualTo(GrantFailure.REUSE_DETECTED));
        }
    }

    @Test
    void aWindowIsPausedAtMostForTheSpanOfBusySecondsKept() {
        BusySeconds busy = new BusySeconds();
        long start = clock.millis();
        for (int second = 1; second <= 400; second++) {
            busy.mark(start + second * 1000L);
        }

        assertThat(busy.busyMillisBetween(start, start + 400_000)).isEqualTo(BusySeconds.SPAN_SECONDS * 1000L);
        assertThat(busy.busyMillisBetween(start + 390_000, start + 400_000)).isEqualTo(10_000);
        assertThat(busy.busyMillisBetween(start + 400_000, start + 410_000)).as("quiet since").isZero();
    }

    @Test
    void rememberedHashesAreBoundedPerWindowAndKeepTheirFirstMoment() {
        RememberedHashes recent = new RememberedHashes(GRACE, 3, clock);
        long start = clock.millis();
        for (String hash : new String[] {"a", "b", "c", "d"}) {
            recent.remember(hash);
        }
        clock.advance(Duration.ofSeconds(5));
        recent.remember("a");

        assertThat(recent.firstSeen("a")).as("the first moment is kept").contains(start);
        assertThat(recent.contains("c")).isTrue();
        assertThat(recent.contains("d")).as("past the capacity: not remembered").isFalse();
        clock.advance(GRACE);
        recent.remember("d");
        assertThat(recent.contains("a")).as("the previous window is still read").isTrue();
        assertThat(recent.contains("d")).as("a new window has room again").isTrue();
        clock.advance(GRACE);
        assertThat(recent.contains("a")).as("two windows later: forgotten").isFalse();
    }

    private String rotateOnThePhone(String shared) {
        try (RotationAdmission.Admitted phone = admission.admit(shared)) {
            String successor = rotation.rotate(shared, ClientContext.UNKNOWN, PresentedKey.NONE, phone).successor().token();
            phone.rotated();
            return successor;
        }
    }

    /** Every slot must be taken: each second one more refresh is answered busy. */
    private void turnAwayEverySecondFor(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> admission.admit(newSession())).isInstanceOf(RotationBusyException.class);
        }
    }

    private int freeSlots() {
        int free = 0;
        try {
            while (free < 10) {
                admission.admit(newSession());
                free++;
            }
        } catch (RotationBusyException full) {
            return free;
        }
        return free;
    }

    private String newSession() {
        return rotation.startSession(userId).token();
    }

    private boolean isActive(String token) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT used_at IS NULL FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", tokens.hash(token)).mapTo(Boolean.class).one());
    }
}
