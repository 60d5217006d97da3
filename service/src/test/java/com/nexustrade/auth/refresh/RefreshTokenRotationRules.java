package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.Ids;

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
import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Base64;
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
    private SecretKey sealKey;

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
        sealKey = newAesKey();
        return new RefreshTokenRotation(dao, new OpaqueTokens(sealKey), new SuccessorSeal(sealKey), 
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

    // What the store keeps (docs/rotation.md): two rows per session, and every older token still recognised.

    @Test
    void aSessionKeepsTwoTokensHoweverOftenItRotates() {
        IssuedRefreshToken login = rotation.startSession(userId);

        String current = rotateTimes(login.token(), 12);

        assertThat(tokensOf(login.familyId())).as("the live token and its predecessor (grace window)").isEqualTo(2);
        assertThat(rotation.rotate(current, ClientContext.UNKNOWN).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void aSpentTokenWhoseRowIsGoneIsStillReuseAndEndsItsSession() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String first = rotation.rotate(login.token(), ClientContext.UNKNOWN).successor().token();
        String current = rotateTimes(first, 3);
        assertThat(rowOf(first)).as("deleted once its successor was used").isZero();

        assertFailure(() -> rotation.rotate(first, ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);

        assertThat(familyRevokeReason(login.familyId())).isEqualTo("reuse_detected");
        assertFailure(() -> rotation.rotate(current, ClientContext.UNKNOWN), GrantFailure.REVOKED);
    }

    @Test
    void aForgedOrForeignStampIsUnknownAndEndsNoSession() throws Exception {
        IssuedRefreshToken login = rotation.startSession(userId);
        String current = rotateTimes(login.token(), 3);
        String foreign = new OpaqueTokens(newAesKey()).newToken(login.familyId(), clock.instant().plus(TTL));
        byte[] bytes = Base64.getUrlDecoder().decode(login.token());
        bytes[3] ^= 1; // the random part: the MAC no longer matches
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertFailure(() -> rotation.rotate(foreign, ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
        assertFailure(() -> rotation.rotate(altered, ClientContext.UNKNOWN), GrantFailure.UNKNOWN);
        rotation.logout(foreign, ClientContext.UNKNOWN);

        assertThat(familyRevokeReason(login.familyId())).as("a stranger cannot end somebody else's session").isNull();
        assertThat(rotation.rotate(current, ClientContext.UNKNOWN).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void aSpentTokenPastItsOwnExpiryIsExpiredNotReuse() throws Exception {
        Duration dayLongTokens = Duration.ofDays(1);
        rotation = new RefreshTokenRotation(dao, new OpaqueTokens(sealKey), new SuccessorSeal(sealKey),
                new SessionLifetimes(dayLongTokens, Duration.ofDays(30), GRACE), clock, new SecurityEvents());
        IssuedRefreshToken login = rotation.startSession(userId);
        clock.advance(Duration.ofHours(12));
        String current = rotateTimes(login.token(), 2);
        assertThat(rowOf(login.token())).isZero();

        clock.advance(Duration.ofHours(12));
        assertFailure(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN), GrantFailure.EXPIRED);

        assertThat(familyRevokeReason(login.familyId())).isNull();
        assertThat(rotation.rotate(current, ClientContext.UNKNOWN).kind()).isEqualTo(RotationOutcome.Kind.ROTATED);
    }

    @Test
    void logoutWithASpentTokenWhoseRowIsGoneEndsTheSession() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String current = rotateTimes(login.token(), 3);

        rotation.logout(login.token(), ClientContext.UNKNOWN);

        assertFailure(() -> rotation.rotate(current, ClientContext.UNKNOWN), GrantFailure.REVOKED);
    }

    /** A token issued before stamps (43 characters, no family in it) is recognised by its row alone: it keeps it. */
    @Test
    void aTokenIssuedBeforeStampsKeepsItsRowSoItsReuseIsStillDetected() {
        String familyId = Ids.newId();
        String legacy = "L".repeat(43);
        long now = clock.millis();
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO token_families (id, user_id, created_at, ends_at) VALUES (?, ?, ?, ?)",
                    familyId, userId, now, now + TTL.toMillis());
            handle.execute("INSERT INTO refresh_tokens (id, family_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    Ids.newId(), familyId, new OpaqueTokens(sealKey).hash(legacy), now, now + TTL.toMillis());
        });
        String current = rotateTimes(legacy, 3);

        assertThat(rowOf(legacy)).isOne();
        assertThat(tokensOf(familyId)).as("the legacy row and the two stamped ones").isEqualTo(3);
        assertFailure(() -> rotation.rotate(legacy, ClientContext.UNKNOWN), GrantFailure.REUSE_DETECTED);
        assertFailure(() -> rotation.rotate(current, ClientContext.UNKNOWN), GrantFailure.REVOKED);
    }

    private String rotateTimes(String token, int times) {
        return Sessions.rotateTimes(rotation, token, times);
    }

    private int tokensOf(String familyId) {
        return Sessions.tokensOf(jdbi, familyId);
    }

    private int rowOf(String token) {
        String hash = new OpaqueTokens(sealKey).hash(token);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", hash).mapTo(Integer.class).one());
    }

    private static SecretKey newAesKey() throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        return aes.generateKey();
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
