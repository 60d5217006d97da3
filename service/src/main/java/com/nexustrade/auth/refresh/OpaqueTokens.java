package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.Ids;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Opaque refresh tokens. The database keys them by SHA-256 only: a token holds 128 random bits, so a plain hash
 * can be neither reversed nor brute-forced, and it is looked up by index in one step.
 * <p>
 * A token also carries its session (family) id and its expiry, under an HMAC only this service can make
 * ({@link FamilyStamp}). That is what keeps the store flat (docs/rotation.md, "What the store keeps"): once a
 * token's successor is used, its row is deleted, and when such a token comes back its stamp still names the
 * session it belongs to, so its reuse still ends that session. Without the MAC anybody could name somebody
 * else's session and end it; with it, a forged or altered token is simply unknown.
 * <pre>
 *   base64url( version 0x02 | 16 random bytes | family UUID (16) | expires-at epoch ms (8) | HMAC-SHA256[0..16) )
 * </pre>
 * 57 bytes, 76 characters. Tokens issued before this format (43 characters, 256 random bits) are still accepted
 * by their rows, which are kept until their session ends.
 */
public final class OpaqueTokens {

    /** What a stamped token says of itself, once its MAC has been checked. */
    public record FamilyStamp(String familyId, Instant expiresAt) {
    }

    private static final byte VERSION = 0x02;
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int STAMPED_BYTES = 1 + RANDOM_BYTES + 16 + 8 + MAC_BYTES;
    private static final int SIGNED_BYTES = STAMPED_BYTES - MAC_BYTES;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{76}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    // Its own key, derived from the seal key every instance already shares: one secret to provision, two uses kept apart.
    private static final byte[] KEY_LABEL = "nexus-auth refresh-token family stamp v2".getBytes(StandardCharsets.US_ASCII);

    private final ThreadLocal<Mac> macs;

    /** @param sealKey the key of {@code keys/seal.key}, which every instance sharing the database shares */
    public OpaqueTokens(SecretKey sealKey) {
        SecretKeySpec stampKey = new SecretKeySpec(hmac(new SecretKeySpec(sealKey.getEncoded(), "HmacSHA256"),
                KEY_LABEL), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(stampKey));
    }

    /** The one test of "is this a refresh token or an access token (JWT)": ours are 76 (or, older, 43) base64url characters. */
    public static boolean couldBeRefreshToken(String presented) {
        return presented != null && WELL_FORMED.matcher(presented).matches();
    }

    /** A new token of the session {@code familyId}, stamped with it and with its expiry. */
    public String newToken(String familyId, Instant expiresAt) {
        UUID family = UUID.fromString(familyId);
        ByteBuffer token = ByteBuffer.allocate(STAMPED_BYTES);
        token.put(VERSION).put(Ids.randomBytes(RANDOM_BYTES))
                .putLong(family.getMostSignificantBits()).putLong(family.getLeastSignificantBits())
                .putLong(expiresAt.toEpochMilli());
        Mac mac = macs.get();
        mac.update(token.array(), 0, SIGNED_BYTES);
        token.put(mac.doFinal(), 0, MAC_BYTES);
        return B64URL.encodeToString(token.array());
    }

    /**
     * The session and expiry a token was issued with, or empty when it is not a stamped token of ours: malformed,
     * an older unstamped one, or its MAC does not match (forged, altered, or made with another seal key).
     */
    public Optional<FamilyStamp> stampOf(String presented) {
        if (presented == null || presented.length() != 76 || !couldBeRefreshToken(presented)) {
            return Optional.empty();
        }
        byte[] token = Base64.getUrlDecoder().decode(presented);
        if (token[0] != VERSION) {
            return Optional.empty();
        }
        Mac mac = macs.get();
        mac.update(token, 0, SIGNED_BYTES);
        byte[] expected = Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(token, SIGNED_BYTES, STAMPED_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(token, 1 + RANDOM_BYTES, 24);
        UUID family = new UUID(fields.getLong(), fields.getLong());
        return Optional.of(new FamilyStamp(family.toString(), Instant.ofEpochMilli(fields.getLong())));
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

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        Mac mac = newMac(key);
        return mac.doFinal(message);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
