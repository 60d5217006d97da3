package com.nexustrade.repro.checks;

import com.nexustrade.repro.dpop.Possession;

/**
 * What a login hands out, and what the session's holder proves possession with: its device key when the login
 * carried a DPoP proof (then every refresh of the session must carry one from that key), or nothing.
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, Possession holder) {
}
