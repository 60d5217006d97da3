package com.nexustrade.auth.db;

import com.nexustrade.auth.refresh.SessionStore;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.Optional;

/** Sessions (token families) as a whole: is one still live, and ending all of a user's at once. */
public interface SessionDao extends SessionStore {

    /** Whether the session exists, is not revoked and has not reached its absolute end at {@code now}. */
    @SqlQuery("SELECT COUNT(*) FROM token_families WHERE id = :id AND revoked_at IS NULL AND ends_at > :now")
    int countLive(@Bind("id") String familyId, @Bind("now") long now);

    @Override
    default boolean isLive(String familyId, long now) {
        return familyId != null && countLive(familyId, now) == 1;
    }

    @SqlQuery("SELECT id FROM users WHERE username = :username")
    Optional<String> findUserId(@Bind("username") String username);

    @SqlUpdate("""
            UPDATE refresh_tokens SET sealed_successor = NULL
             WHERE sealed_successor IS NOT NULL
               AND family_id IN (SELECT id FROM token_families WHERE user_id = :userId AND revoked_at IS NULL)""")
    void wipeSealsOfUser(@Bind("userId") String userId);

    @SqlUpdate("""
            UPDATE token_families SET revoked_at = :now, revoke_reason = :reason
             WHERE user_id = :userId AND revoked_at IS NULL""")
    int markAllRevoked(@Bind("userId") String userId, @Bind("now") long now, @Bind("reason") String reason);

    @Override
    @Transaction
    default int revokeAllOfUser(String userId, long now, String reason) {
        wipeSealsOfUser(userId);
        return markAllRevoked(userId, now, reason);
    }
}
