package com.nexustrade.auth.db;

/** One row of a user joined with one of their roles (role is null for a user without roles). */
public record UserRoleRow(String id, String username, String email, String tenantId, String role) {
}
