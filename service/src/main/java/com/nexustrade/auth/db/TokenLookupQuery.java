package com.nexustrade.auth.db;

import com.nexustrade.auth.refresh.RefreshTokenRecord;
import com.nexustrade.auth.refresh.TokenLookup;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The read of every refresh ({@link RefreshTokenDao#FIND_BY_HASH}) as one plain prepared statement on the
 * connection of the refresh's unit of work (JDBI's handle of {@link OneConnection}), which the pool's statement
 * cache keeps prepared. Through the on-demand DAO the same query spent more CPU in JDBI's per-call set-up
 * (extension, config copy, SQL location, result-type reflection) than in the database (docs/performance.md).
 */
public final class TokenLookupQuery implements TokenLookup {

    private static final PositionalSql FIND_BY_HASH = PositionalSql.of(RefreshTokenDao.FIND_BY_HASH);
    private static final int HASH = FIND_BY_HASH.index("hash");
    private static final RefreshTokenRecordMapper MAPPER = new RefreshTokenRecordMapper();

    private final Jdbi jdbi;

    public TokenLookupQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RefreshTokenRecord> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> query(handle.getConnection(), tokenHash));
    }

    private static Optional<RefreshTokenRecord> query(Connection connection, String tokenHash) {
        try (PreparedStatement statement = connection.prepareStatement(FIND_BY_HASH.sql())) {
            statement.setString(HASH, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(MAPPER.map(row, null)) : Optional.empty();
            }
        } catch (SQLException failed) {
            // A JdbiException, as from the DAO: TransientRetry decides on it the same way.
            throw new UnableToExecuteStatementException(failed, null);
        }
    }
}
