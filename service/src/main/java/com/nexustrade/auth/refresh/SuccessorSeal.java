package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.Ids;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals the successor refresh token for the grace window with AES-256-GCM, bound to the predecessor's id.
 * This is what lets a replay answer with the SAME successor without the database ever holding a usable
 * token: a stolen database dump without the key file yields nothing, and the seal is wiped when the window closes.
 */
public final class SuccessorSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;

    public SuccessorSeal(SecretKey key) {
        this.key = key;
    }

    public String seal(String successorToken, String predecessorId) {
        try {
            byte[] iv = Ids.randomBytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(predecessorId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(successorToken.getBytes(StandardCharsets.US_ASCII));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** The successor, or empty when the seal was made with another key or belongs to another token. */
    public Optional<String> open(String sealed, String predecessorId) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(predecessorId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
