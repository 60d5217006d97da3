package com.nexustrade.auth.resources;

import com.nexustrade.auth.common.InvalidRequestException;

/**
 * The one check of a presented refresh token's shape, for JSON and form bodies alike, so that both answer
 * the same 400 for the same input.
 */
final class RefreshTokenField {

    private static final int MAX_TOKEN_LENGTH = 512;

    private RefreshTokenField() {
    }

    /** A JSON body's {@code refresh_token}. */
    static String require(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidRequestException("refresh_token is required");
        }
        if (refreshToken.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRequestException("refresh_token is longer than 512 characters");
        }
        if (!refreshToken.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new InvalidRequestException("refresh_token must be printable ASCII");
        }
        return refreshToken;
    }

    /** A form body's {@code refresh_token=}, or the legacy {@code token=} of the old service. */
    static String fromForm(String refreshToken, String legacyToken) {
        boolean hasCurrent = refreshToken != null && !refreshToken.isBlank();
        boolean hasLegacy = legacyToken != null && !legacyToken.isBlank();
        if (hasCurrent && hasLegacy && !refreshToken.equals(legacyToken)) {
            throw new InvalidRequestException("refresh_token and token disagree; send one of them.");
        }
        return require(hasCurrent ? refreshToken : legacyToken);
    }
}
