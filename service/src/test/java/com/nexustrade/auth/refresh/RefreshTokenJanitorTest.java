package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.Ids;
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
 * The token tables stay proportional to the live sessions: a live session keeps its live token and the one before
 * it (older ones are deleted as it rotates, docs/rotation.md), and an ended one goes whole, in bounded batches.
 * On the shipped store (SQLite).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshTokenJanitorTest {

    private static final Duration TTL = Duration.ofDays(30);
    private static final Duration KEEP_ENDED = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock();
    private Jdbi jdbi;
    private String userId;
    private RefreshTokenRotation rotation;
    private RefreshTokenJanitor janitor;

    @BeforeAll
    void database() throws Exception {
        jdbi = TestDatabase.migratedSqlite("janitor");
        userId = TestDatabase.createUser(jdbi, "janitor-user");
    }

    @BeforeEach
    void rule() throws Exception {
        RefreshTokenDao dao = jdbi.onDemand(RefreshTokenDao.class);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey sealKey = aes.generateKey();
        rotation = new RefreshTokenRotation(dao, new OpaqueTokens(sealKey), new SuccessorSeal(sealKey),
                new SessionLifetimes(TTL, SessionLifetimes.DEFAULT_SESSION_MAX_LIFETIME, Duration.ofSeconds(30)), clock,
                new SecurityEvents());
        janitor = new RefreshTokenJanitor(dao, clock, Duration.ofSeconds(10), KEEP_ENDED);
    }

    @Test
    void anEndedSessionIsPurgedWithItsUsedTokensOnceKeptForItsPeriod() {
        IssuedRefreshToken login = rotation.startSession(userId);
        String current = rotateTimes(login.token(), 3);
        rotation.logout(current, ClientContext.UNKNOWN);

        clock.advance(KEEP_ENDED.minusMillis(1));
        janitor.sweep();
        assertThat(tokensOf(login.familyId())).as("kept: a late client still hears 'revoked'").isEqualTo(2);

        clock.advance(Duration.ofMillis(2));
        janitor.sweep();
        assertThat(tokensOf(login.familyId())).isZero();
        assertThat(familyExists(login.familyId())).isFalse();
    }

    @Test
    void aLiveSessionKeepsItsLiveTokenAndItsPredecessorAndStillDetectsReuse() {
        IssuedRefreshToken login = rotation.startSession(userId);
        rotateTimes(login.token(), 3);

        clock.advance(Duration.ofDays(2));
        janitor.sweep();

        assertThat(tokensOf(login.familyId())).isEqualTo(2);
        assertThatThrownBy(() -> rotation.rotate(login.token(), ClientContext.UNKNOWN))
                .isInstanceOfSatisfying(InvalidGrantException.class,
                        e -> assertThat(e.getFailure()).isEqualTo(GrantFailure.REUSE_DETECTED));
    }

    @Test
    void aSessionWhoseEveryTokenExpiredIsPurged() {
        IssuedRefreshToken login = rotation.startSession(userId);
        rotateTimes(login.token(), 2);

        clock.advance(TTL.plusDays(7).plusMillis(1));
        janitor.sweep();

        assertThat(tokensOf(login.familyId())).isZero();
        assertThat(familyExists(login.familyId())).isFalse();
    }

    @Test
    void aSessionPastItsAbsoluteEndIsPurgedOnceKeptForItsPeriod() throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey sealKey = aes.generateKey();
        RefreshTokenDao dao = jdbi.onDemand(RefreshTokenDao.class);
        Duration sessionMaxLifetime = Duration.ofDays(10);
        RefreshTokenRotation shortSessions = new RefreshTokenRotation(dao, dao::rotate, new OpaqueTokens(sealKey),
                new SuccessorSeal(sealKey), new SessionLifetimes(TTL, sessionMaxLifetime, Duration.ofSeconds(30)),
                clock, new SecurityEvents());
        IssuedRefreshToken login = shortSessions.startSession(userId);
        shortSessions.rotate(login.token(), ClientContext.UNKNOWN);

        clock.advance(sessionMaxLifetime.plus(KEEP_ENDED).minusMillis(1));
        janitor.sweep();
        assertThat(tokensOf(login.familyId())).as("kept: a late client still hears 'expired'").isEqualTo(2);

        clock.advance(Duration.ofMillis(2));
        janitor.sweep();
        assertThat(tokensOf(login.familyId())).isZero();
        assertThat(familyExists(login.familyId())).isFalse();
    }

    /**
     * Only sessions from before stamped tokens can be long (docs/rotation.md, "What the store keeps"): their rows
     * are kept until the session ends, and then go in batches.
     */
    @Test
    void aLongSessionOfTokensIssuedBeforeStampsIsPurgedInBatchesOfBoundedSize() {
        IssuedRefreshToken login = rotation.startSession(userId);
        int legacyTokens = RefreshTokenJanitor.BATCH * 2 + 6;
        long now = clock.millis();
        jdbi.useHandle(handle -> {
            var insert = handle.prepareBatch("INSERT INTO refresh_tokens (id, family_id, token_hash, issued_at, expires_at, used_at)"
                    + " VALUES (:id, :family, :hash, :now, :expires, :now)");
            for (int i = 0; i < legacyTokens; i++) {
                insert.bind("id", Ids.newId()).bind("family", login.familyId()).bind("hash", Ids.newId())
                        .bind("now", now).bind("expires", now + TTL.toMillis()).add();
            }
            insert.execute();
        });
        rotation.logout(login.token(), ClientContext.UNKNOWN);
        assertThat(tokensOf(login.familyId())).isEqualTo(legacyTokens + 1);

        clock.advance(KEEP_ENDED.plusMillis(1));
        janitor.sweep();

        assertThat(tokensOf(login.familyId())).isZero();
        assertThat(familyExists(login.familyId())).isFalse();
    }

    private String rotateTimes(String token, int times) {
        return Sessions.rotateTimes(rotation, token, times);
    }

    private int tokensOf(String familyId) {
        return Sessions.tokensOf(jdbi, familyId);
    }

    private boolean familyExists(String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM token_families WHERE id = :f")
                .bind("f", familyId).mapTo(Integer.class).one()) == 1;
    }
}
