package com.nexustrade.auth.db;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** A users row, password hash included: it never leaves the login and bootstrap code. */
public record UserRow(@ColumnName("id") String id,
                      @ColumnName("username") String username,
                      @ColumnName("email") String email,
                      @ColumnName("tenant_id") String tenantId,
                      @ColumnName("password_hash") String passwordHash) {
}
