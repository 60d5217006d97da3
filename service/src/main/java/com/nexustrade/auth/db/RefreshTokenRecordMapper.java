package com.nexustrade.auth.db;

import com.nexustrade.auth.core.RefreshTokenRecord;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps {@link RefreshTokenDao#findByHash}. Written by hand: it runs on every refresh, and the reflective
 * ConstructorMapper re-inspected the record's constructor for every query (the largest JDBI cost in the profile).
 */
public final class RefreshTokenRecordMapper implements RowMapper<RefreshTokenRecord> {

    @Override
    public RefreshTokenRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RefreshTokenRecord(
                rs.getString("id"),
                rs.getString("family_id"),
                rs.getString("user_id"),
                rs.getString("parent_id"),
                rs.getLong("expires_at"),
                nullableLong(rs, "used_at"),
                rs.getString("successor_id"),
                rs.getString("sealed_successor"),
                nullableLong(rs, "replay_until"),
                nullableLong(rs, "successor_used_at"),
                nullableLong(rs, "successor_expires_at"),
                nullableLong(rs, "family_revoked_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
