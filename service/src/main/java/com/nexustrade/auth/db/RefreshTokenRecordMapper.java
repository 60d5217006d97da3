package com.nexustrade.auth.db;

import com.nexustrade.auth.refresh.RefreshTokenRecord;
import com.nexustrade.auth.users.UserAccount;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Maps {@link RefreshTokenDao#findByHash}, the token with its session's owner and their roles (comma-joined:
 * role names cannot hold a comma, see Provisioning). Written by hand: it runs on every refresh, and the
 * reflective ConstructorMapper re-inspected the record's constructor for every query.
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
                nullableLong(rs, "family_revoked_at"),
                rs.getLong("session_ends_at"),
                owner(rs),
                rs.getString("family_dpop_jkt"));
    }

    private static UserAccount owner(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        if (username == null) {
            return null;
        }
        String roles = rs.getString("roles");
        return new UserAccount(rs.getString("user_id"), username, rs.getString("email"), rs.getString("tenant_id"),
                roles == null ? List.of() : List.of(roles.split(",")));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
