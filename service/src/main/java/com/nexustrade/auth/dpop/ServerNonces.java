package com.nexustrade.auth.dpop;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Server-provided DPoP nonces (RFC 9449 §8), when {@code dpop.requireNonce} is on: a proof must carry a nonce the
 * server handed out within the last one or two minutes, so a proof signed ahead of time (by malware that cannot
 * keep the key) is worth little. Stateless: the nonce is an HMAC of the current minute under a key derived from
 * the seal key, so every instance sharing the keys issues and accepts the same nonces, with no table.
 */
public final class ServerNonces {

    private static final Duration SLOT = Duration.ofSeconds(60);

    private final SecretKeySpec key;
    private final Clock clock;

    public ServerNonces(SecretKey sealKey, Clock clock) {
        // A key of its own, derived: the seal key itself is only ever used for AES-GCM.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(sealKey.getEncoded(), "HmacSHA256"),
                "nexus-auth dpop-nonce v1"), "HmacSHA256");
        this.clock = clock;
    }

    /** The nonce to hand out now (in {@code DPoP-Nonce} headers). */
    public String current() {
        return nonceOf(slot());
    }

    /** The current minute's nonce or the previous one: a nonce handed out just before a slot ends still works. */
    public boolean accepts(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return false;
        }
        long slot = slot();
        return equal(nonce, nonceOf(slot)) | equal(nonce, nonceOf(slot - 1));
    }

    private long slot() {
        return Math.floorDiv(clock.millis(), SLOT.toMillis());
    }

    private String nonceOf(long slot) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "slot:" + slot));
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
