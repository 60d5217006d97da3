package com.nexustrade.auth.db;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** One row of a user joined with one of their roles (role is null for a user without roles). */
public record UserRoleRow(@ColumnName("id") String id,
                          @ColumnName("username") String username,
                          @ColumnName("email") String email,
                          @ColumnName("tenant_id") String tenantId,
                          @ColumnName("role") String role) {
}
