package com.nexustrade.auth.db;

import com.nexustrade.auth.dpop.ProofJtiStore;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.SQLException;

/** The DPoP replay store: the primary key makes "first use wins" atomic across threads and instances. */
public interface DPoPProofJtiDao extends ProofJtiStore {

    String UNIQUE_VIOLATION = "23505";

    @SqlUpdate("INSERT INTO dpop_proof_jtis (jti_hash, expires_at) VALUES (:hash, :expiresAt)")
    void insert(@Bind("hash") String jtiHash, @Bind("expiresAt") long expiresAt);

    @Override
    default boolean markUsed(String jtiHash, long expiresAt) {
        try {
            insert(jtiHash, expiresAt);
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    @SqlUpdate("DELETE FROM dpop_proof_jtis WHERE expires_at < :now")
    int deleteExpired(@Bind("now") long now);
}
