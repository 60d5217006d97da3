package com.nexustrade.auth.api;

/**
 * The limits of a username and password, wherever they arrive: {@code /auth/login} checks them through
 * {@link LoginRequest}'s annotations, the OAuth 2.0 password grant through {@link #check}. Bounded so that
 * one request cannot make Argon2id hash megabytes, nor a username become a 15 KB throttle key.
 */
public final class LoginFieldLimits {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_PASSWORD = 1024;

    private LoginFieldLimits() {
    }

    /** @return the sentence of the first limit broken, or null when both fields are within the limits */
    public static String check(String username, String password) {
        if (username.length() > MAX_USERNAME) {
            return "username is longer than " + MAX_USERNAME + " characters";
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            return "username contains control characters";
        }
        if (password.length() > MAX_PASSWORD) {
            return "password is longer than " + MAX_PASSWORD + " characters";
        }
        if (password.indexOf('\u0000') >= 0) {
            return "password contains a NUL character";
        }
        return null;
    }
}
