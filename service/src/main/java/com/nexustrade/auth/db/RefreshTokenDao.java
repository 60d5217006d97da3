package com.nexustrade.auth.db;

import com.nexustrade.auth.refresh.FamilyRecord;
import com.nexustrade.auth.refresh.RefreshTokenRecord;
import com.nexustrade.auth.refresh.RefreshTokenStore;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refresh tokens and their families. Every state change the rotation rule makes is one statement here. */
public interface RefreshTokenDao extends RefreshTokenStore {

    /** The token with its family, successor and owner: the read of every refresh ({@link TokenLookupQuery}). */
    String FIND_BY_HASH = """
            SELECT t.id, t.family_id, f.user_id, t.parent_id, t.expires_at, t.used_at, t.successor_id,
                   t.sealed_successor, t.replay_until,
                   s.used_at AS successor_used_at, s.expires_at AS successor_expires_at,
                   f.revoked_at AS family_revoked_at, f.ends_at AS session_ends_at, f.dpop_jkt AS family_dpop_jkt,
                   u.username, u.email, u.tenant_id,
                   (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_roles r WHERE r.user_id = f.user_id) AS roles
              FROM refresh_tokens t
              JOIN token_families f ON f.id = t.family_id
              LEFT JOIN refresh_tokens s ON s.id = t.successor_id
              LEFT JOIN users u ON u.id = f.user_id
             WHERE t.token_hash = :hash""";

    @Override
    @SqlQuery(FIND_BY_HASH)
    @RegisterRowMapper(RefreshTokenRecordMapper.class)
    Optional<RefreshTokenRecord> findByHash(@Bind("hash") String tokenHash);

    @SqlUpdate("""
            INSERT INTO token_families (id, user_id, created_at, ends_at, dpop_jkt)
            VALUES (:id, :userId, :now, :endsAt, :jkt)""")
    void insertFamily(@Bind("id") String familyId, @Bind("userId") String userId, @Bind("now") long now,
                      @Bind("endsAt") long endsAt, @Bind("jkt") String dpopJkt);

    /** Binds a Bearer session to a device key once; a session already bound keeps its key. */
    @Override
    @SqlUpdate("UPDATE token_families SET dpop_jkt = :jkt WHERE id = :familyId AND dpop_jkt IS NULL")
    int bindFamily(@Bind("familyId") String familyId, @Bind("jkt") String dpopJkt);

    /** Every token issued now is stamped with its family ({@code refresh.OpaqueTokens}): its row may go once it is spent. */
    String INSERT_TOKEN = """
            INSERT INTO refresh_tokens (id, family_id, token_hash, parent_id, issued_at, expires_at, family_stamped)
            VALUES (:id, :familyId, :hash, :parentId, :issuedAt, :expiresAt, 1)""";

    /**
     * Run with the rotation of a token, on its predecessor: that predecessor can no longer replay (its successor is
     * now used), and its stamp alone recognises its reuse (docs/rotation.md, "What the store keeps"). So each session
     * keeps two rows, its live token and the one before it for the grace window, however long it lives. A token
     * issued before stamps existed keeps its row: only the row knows it.
     */
    String DELETE_SPENT_PREDECESSOR = "DELETE FROM refresh_tokens WHERE id = :id AND family_stamped = 1";

    /**
     * The compare-and-set that makes rotation atomic: only the caller whose update finds the token still
     * unused wins. The database serialises concurrent updates of the row, across threads and instances alike.
     */
    String MARK_ROTATED = """
            UPDATE refresh_tokens
               SET used_at = :now, successor_id = :successorId, sealed_successor = :sealed, replay_until = :replayUntil
             WHERE id = :id AND used_at IS NULL""";

    @SqlUpdate(INSERT_TOKEN)
    void insertToken(@Bind("id") String id, @Bind("familyId") String familyId, @Bind("hash") String tokenHash,
                     @Bind("parentId") String parentId, @Bind("issuedAt") long issuedAt,
                     @Bind("expiresAt") long expiresAt);

    /** {@link #MARK_ROTATED}. */
    @SqlUpdate(MARK_ROTATED)
    int markRotated(@Bind("id") String id, @Bind("now") long now, @Bind("successorId") String successorId,
                    @Bind("sealed") String sealedSuccessor, @Bind("replayUntil") Long replayUntil);

    /** {@link #DELETE_SPENT_PREDECESSOR}. */
    @SqlUpdate(DELETE_SPENT_PREDECESSOR)
    int deleteSpentPredecessor(@Bind("id") String tokenId);

    @Override
    @SqlQuery("SELECT id, user_id, revoked_at, ends_at FROM token_families WHERE id = :id")
    @RegisterConstructorMapper(FamilyRecord.class)
    Optional<FamilyRecord> findFamily(@Bind("id") String familyId);

    @SqlUpdate("""
            UPDATE token_families SET revoked_at = :now, revoke_reason = :reason
             WHERE id = :familyId AND revoked_at IS NULL""")
    int markFamilyRevoked(@Bind("familyId") String familyId, @Bind("now") long now, @Bind("reason") String reason);

    @SqlUpdate("UPDATE refresh_tokens SET sealed_successor = NULL WHERE family_id = :familyId AND sealed_successor IS NOT NULL")
    void wipeSealsOfFamily(@Bind("familyId") String familyId);

    /**
     * Closes the grace windows that have passed: the seal and the window end go together, so that the index on
     * replay_until only holds open windows and this stays a short range scan however many tokens are kept.
     * The rule reads a null replay_until as "no window", as it reads a passed one. At most {@code limit} rows per
     * statement, so that no sweep holds the write lock for long (SQLite has one for the whole file).
     */
    @Override
    @SqlUpdate("""
            UPDATE refresh_tokens SET sealed_successor = NULL, replay_until = NULL
             WHERE id IN (SELECT id FROM refresh_tokens WHERE replay_until <= :now LIMIT :limit)""")
    int wipeExpiredSeals(@Bind("now") long now, @Bind("limit") int limit);

    @Override
    @SqlQuery("SELECT id, family_id FROM refresh_tokens WHERE expires_at < :cutoff LIMIT :limit")
    @KeyColumn("id")
    @ValueColumn("family_id")
    Map<String, String> tokensExpiredBefore(@Bind("cutoff") long cutoff, @Bind("limit") int limit);

    @Override
    @SqlBatch("DELETE FROM refresh_tokens WHERE id = :id")
    void deleteTokens(@Bind("id") Collection<String> tokenIds);

    /** A session ends when it is revoked (logout, reuse detected) or reaches its absolute end (sessionMaxLifetime). */
    @Override
    @SqlQuery("SELECT id FROM token_families WHERE revoked_at < :endedBefore OR ends_at < :endedBefore LIMIT :limit")
    List<String> endedFamilies(@Bind("endedBefore") long endedBefore, @Bind("limit") int limit);

    @Override
    @SqlUpdate("""
            DELETE FROM refresh_tokens
             WHERE id IN (SELECT id FROM refresh_tokens WHERE family_id = :familyId LIMIT :limit)""")
    int deleteTokensOfFamily(@Bind("familyId") String familyId, @Bind("limit") int limit);

    @SqlBatch("""
            DELETE FROM token_families
             WHERE id = :id AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = :id)""")
    int[] deleteFamiliesWithoutTokensEach(@Bind("id") Collection<String> familyIds);

    @Override
    default int deleteFamiliesWithoutTokens(Collection<String> familyIds) {
        return familyIds.isEmpty() ? 0 : Arrays.stream(deleteFamiliesWithoutTokensEach(familyIds)).sum();
    }

    @Override
    @Transaction
    default void startFamily(String familyId, String userId, String tokenId, String tokenHash, long now,
                             long expiresAt, long sessionEndsAt, String dpopJkt) {
        insertFamily(familyId, userId, now, sessionEndsAt, dpopJkt);
        insertToken(tokenId, familyId, tokenHash, null, now, expiresAt);
    }

    @Override
    @Transaction
    default boolean rotate(RefreshTokenRecord current, long now, String successorId, String successorHash,
                           long successorExpiresAt, String sealedSuccessor, Long replayUntil) {
        if (markRotated(current.id(), now, successorId, sealedSuccessor, replayUntil) != 1) {
            return false;
        }
        // The predecessor's seal is not wiped here: once this successor is used the predecessor no longer replays
        // (the rule checks the successor's used_at), and the janitor wipes seals whose window closed. One
        // statement fewer on every refresh.
        insertToken(successorId, current.familyId(), successorHash, current.id(), now, successorExpiresAt);
        if (current.parentId() != null) {
            deleteSpentPredecessor(current.parentId());
        }
        return true;
    }

    @Override
    @Transaction
    default boolean revokeFamily(String familyId, long now, String reason) {
        wipeSealsOfFamily(familyId);
        return markFamilyRevoked(familyId, now, reason) == 1;
    }
}
