package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opaque refresh tokens: 256 random bits, base64url. The database keys them by SHA-256 only: with that much
 * entropy a plain hash cannot be reversed or brute-forced, and it can be looked up by index in one step.
 */
public final class OpaqueTokens {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** The one test of "is this a refresh token or an access token (JWT)": ours are 43 base64url characters. */
    public static boolean couldBeRefreshToken(String presented) {
        return presented != null && WELL_FORMED.matcher(presented).matches();
    }

    public String newToken() {
        return B64URL.encodeToString(Ids.randomBytes(TOKEN_BYTES));
    }

    /** The lookup hash, or empty when the input cannot be one of our tokens (no database trip for garbage). */
    public Optional<String> lookupHash(String presented) {
        if (!couldBeRefreshToken(presented)) {
            return Optional.empty();
        }
        return Optional.of(hash(presented));
    }

    public String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    /** Shortened form for logs: enough to correlate, too little to use. */
    public static String redact(String token) {
        if (token == null || token.length() < 12) {
            return "[redacted]";
        }
        return token.substring(0, 6) + "…";
    }
}
