package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;

import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.users.UserAccount;

import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.KeyGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rotation rule of docs/rotation.md, state by state, on a real database and a clock the test moves.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefreshTokenRotationRules {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofDays(30);
    private Jdbi jdbi;
    private String userId;

    private final MutableClock clock = new MutableClock();
    private RefreshTokenRotation rotation;
    private RefreshTokenDao dao;

    /** A migrated database of the kind under test. */
    protected abstract Jdbi createDatabase() throws Exception;

    @BeforeAll
    void database() throws Exception {
        jdbi = createDatabase();
        userId = TestDatabase.createUser(jdbi, "rotation-user");
    }

    @BeforeEach
    void rule() throws Exception {
        dao = jdbi.onDemand(RefreshTokenDao.class);
        rotation = rotationWithGrace(GRACE);
    }

    private RefreshTokenRotation rotationWithGrace(Duration grace) throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        return new RefreshTokenRotation(dao, new OpaqueTokens(), new SuccessorSeal(aes.generateKey()), 
                new SessionLifetimes(TTL, SessionLifetimes.DEFAULT_SESSION_MAX_LIFETIME, grace), clock, new SecurityEvents());
    }

    @Test
    void activeTokenRotatesToANewSuccessorOfTheSameSession() {
        IssuedRefreshToken login = rotation.startSession(userId);

        RotationOutcome outcome = rotation.rotate(login.token(), ClientContext.UNKNOWN);

        assertThat(outcome.kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
        assertThat(outcome.successor().token()).isNotEqualTo(login.token());
        assertThat(outcome.successor().familyId()).isEqualTo(login.familyId());
        assertThat(outcome.successor().expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void bothWaysToASuccessorCarryTheSessionOwnerWithEveryRoleReadInTheSameQuery() {
        String owner = TestDatabase.createUser(jdbi, "owner-with-roles");
        new Provisioning(jdbi, new PasswordHasher(), clock).upsertUser("owner-with-roles",
                "owner-with-roles@example.com", "password-of-owner-with-roles", List.of("trader", "admin"), "globex");
        IssuedRefreshToken login = rotation.startSession(owner);

        RotationOutcome rotated = rotation.rotate(login.token(), ClientContext.UNKNOWN);
        RotationOutcome replayed = rotation.rotate(login.token(), ClientContext.UNKNOWN);

        UserAccount expected = new UserAccount(owner, "owner-with-roles", "owner-with-roles@example.com", "globex",
                List.of("admin", "trader"));
        assertThat(rotated.owner()).isEqualTo(expected);
        assertThat(replayed.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replayed.owner()).isEqualTo(expected);
    }

    /** The schema cascades a user's deletion to their sessions, so the owner-less outcome never reaches a client. */
    @Test
    void deletingAUserEndsTheirSessions() {
        String doomed = TestDatabase.createUser(jdbi, "deleted-user");
        IssuedRefreshToken login = rotation.startSession(doomed);
        jdbi.useHandle(handle -> {
            handle.execute("DELETE FROM user_roles WHERE user_id = ?", doomed);
            handle.execute("DELETE FROM users WHERE id = ?", doomed);
        });

        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
    }

    @Test
    void rotatedTokenPresentedInsideTheGraceWindowReplaysTheSameSuccessor() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String successor = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();

        clock.advance(GRACE.minusMillis(1));
        RotationOutcome replay = rotation.rotate(login.token(), ClientContext.UNKNOWN);

        assertThat(replay.kind()).isEqualTo(RotationOutcome.Kind.GRACE_REPLAY);
        assertThat(replay.successor().token()).isEqualTo(successor);
    }

    @Test
    void rotatedTokenPresentedWhenTheWindowClosesIsReuseAndRevokesTheFamily() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String successor = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();

        clock.advance(GRACE);

        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);
        assertFailure(() -> rotation.rotate(successor, ClientContext.UNKNOWN), GrantFailure.REVOKED);
    }

    @Test
    void predecessorStopsReplayingOnceItsSuccessorIsUsedEvenInsideTheWindow() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String second = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();
        String third = rotation.rotate(second, ClientContext.UNKNOWN).successor().token();

        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);
        assertFailure(() -> rotation.rotate(third, ClientContext.UNKNOWN), GrantFailure.REVOKED);
    }

    @Test
    void onlyTheImmediatePredecessorReplays() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String second = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();
        String third = rotation.rotate(second, ClientContext.UNKNOWN).successor().token();

        assertThat(rotation.rotate(second, ClientContext.UNKNOWN).successor().token()).isEqualTo(third);
    }

    @Test
    void expiredTokenIsRefusedAsExpiredAndTheSessionSurvives() {
        IssuedRefreshToken login = rotation.startSession(userId);

        clock.advance(TTL);

        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.EXPIRED);
        assertThat(familyRevokeReason(login.familyId())).isNull();
    }

    @Test
    void unknownAndMalformedTokensAreUnknown() {
        assertFailure(() -> rotation.rotate("A".repeat(43), ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
        assertFailure(() -> rotation.rotate("not a token", ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
        assertFailure(() -> rotation.rotate("", ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
        assertFailure(() -> rotation.rotate(null, ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
    }

    @Test
    void logoutWithAnyTokenOfTheSessionRevokesEveryToken() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String successor = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();

        rotation.logout(login.token(), ClientContext.UNKNOWN);
        rotation.logout(login.token(), ClientContext.UNKNOWN); // idempotent

        assertFailure(() -> rotation.rotate(successor, ClientContext.UNKNOWN), GrantFailure.REVOKED);
        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.REVOKED);
        assertThat(familyRevokeReason(login.familyId())).isEqualTo("logout");
    }

    @Test
    void reuseRevokesOnlyTheSessionItHappenedIn() {
        IssuedRefreshToken phone = rotation.startSession(userId);
        IssuedRefreshToken laptop = rotation.startSession(userId);
        rotation.rotate(phone.token(), ClientContext.UNKNOWN);
        clock.advance(GRACE.plusSeconds(1));

        assertFailure(() -> rotation.rotate(phone.token(), ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);

        assertThat(rotation.rotate(laptop.token(), ClientContext.UNKNOWN).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void withoutAGraceWindowEverySecondUseIsReuse() throws Exception {
        RefreshTokenRotation strict = rotationWithGrace(Duration.ZERO);
        IssuedRefreshToken login = strict.startSession(userId);
        strict.rotate(login.token(), ClientContext.UNKNOWN);

        assertFailure(() -> strict.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);
    }

    @Test
    void databaseHoldsNoRefreshTokenInPlaintext() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String successor = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();

        List<Map<String, Object>> rows = jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM refresh_tokens WHERE family_id = :f").bind("f", login.familyId())
                .mapToMap().list());

        assertThat(rows).hasSize(2);
        assertThat(rows.toString()).doesNotContain(login.token()).doesNotContain(successor);
    }

    @Test
    void janitorWipesTheSealWhenTheWindowClosesAndTheRuleStillRefusesReplay() {
        IssuedRefreshToken login = rotation.startSession(userId);
        rotation.rotate(login.token(), ClientContext.UNKNOWN);
        RefreshTokenJanitor janitor = new RefreshTokenJanitor(dao, clock, Duration.ofSeconds(10));

        assertThat(sealCount(login.familyId())).isEqualTo(1);
        janitor.sweep();
        assertThat(sealCount(login.familyId())).as("window still open").isEqualTo(1);
        clock.advance(GRACE);
        janitor.sweep();
        assertThat(sealCount(login.familyId())).isZero();
        assertThat(openWindowCount(login.familyId())).as("replay_until cleared with the seal: the index keeps only open windows").isZero();
        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, GrantFailure failure) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidGrantException.class,
                e -> assertThat(e.getFailure()).isEqualTo(failure));
    }

    private String familyRevokeReason(String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT revoke_reason FROM token_families WHERE id = :f")
                .bind("f", familyId).mapTo(String.class).findOne().orElse(null));
    }

    private int openWindowCount(String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f AND replay_until IS NOT NULL")
                .bind("f", familyId).mapTo(Integer.class).one());
    }

    private int sealCount(String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f AND sealed_successor IS NOT NULL")
                .bind("f", familyId).mapTo(Integer.class).one());
    }
}
