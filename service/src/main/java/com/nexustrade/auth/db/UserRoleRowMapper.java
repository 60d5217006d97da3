package com.nexustrade.auth.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps {@link UserDao#findWithRoles}, which runs on every refresh (see {@link RefreshTokenRecordMapper}). */
public final class UserRoleRowMapper implements RowMapper<UserRoleRow> {

    @Override
    public UserRoleRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserRoleRow(rs.getString("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("tenant_id"), rs.getString("role"));
    }
}
