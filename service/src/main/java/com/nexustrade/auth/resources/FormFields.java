package com.nexustrade.auth.resources;

import com.nexustrade.auth.core.InvalidRequestException;

/** Reads the refresh token of a form body, which may come as {@code refresh_token=} or the legacy {@code token=}. */
final class FormFields {

    private static final int MAX_TOKEN_LENGTH = 512;

    private FormFields() {
    }

    static String refreshToken(String refreshToken, String legacyToken) {
        boolean hasCurrent = refreshToken != null && !refreshToken.isBlank();
        boolean hasLegacy = legacyToken != null && !legacyToken.isBlank();
        if (hasCurrent && hasLegacy && !refreshToken.equals(legacyToken)) {
            throw new InvalidRequestException("refresh_token and token disagree; send one of them.");
        }
        String token = hasCurrent ? refreshToken : legacyToken;
        if (!hasCurrent && !hasLegacy) {
            throw new InvalidRequestException("refresh_token is required");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRequestException("refresh_token is longer than 512 characters");
        }
        if (!token.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new InvalidRequestException("refresh_token must be printable ASCII");
        }
        return token;
    }
}
