package com.nexustrade.auth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The device key a refresh request proved possession of (the RFC 7638 thumbprint of its verified DPoP proof,
 * null without a proof), and whether the calling client must bind its sessions (policy {@code required}).
 */
public record PresentedKey(String jkt, boolean bindingRequired) {

    public static final PresentedKey NONE = new PresentedKey(null, false);

    /** Constant time: how much of a thumbprint matched must not leak through timing. */
    boolean matches(String boundJkt) {
        return jkt != null && MessageDigest.isEqual(jkt.getBytes(StandardCharsets.US_ASCII),
                boundJkt.getBytes(StandardCharsets.US_ASCII));
    }
}
