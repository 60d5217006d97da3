package com.nexustrade.auth.users;

/** A user as stored, password hash included: it never leaves the login and bootstrap code. */
public record UserCredentials(String id, String username, String email, String tenantId, String passwordHash) {
}
