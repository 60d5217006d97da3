package com.nexustrade.auth.dpop;

import com.nexustrade.auth.common.AuthException;

import java.util.Map;

/** 400 {@code use_dpop_nonce} (RFC 9449 §8): the proof lacks the server's current nonce, sent in {@code DPoP-Nonce}. */
public class UseDPoPNonceException extends AuthException {

    public static final String HEADER = "DPoP-Nonce";

    private final String nonce;

    public UseDPoPNonceException(String nonce) {
        super(400, "use_dpop_nonce", "Make the DPoP proof again with the nonce of the DPoP-Nonce header.");
        this.nonce = nonce;
    }

    public String nonce() {
        return nonce;
    }

    @Override
    public Map<String, String> getHeaders() {
        return Map.of(HEADER, nonce);
    }
}
