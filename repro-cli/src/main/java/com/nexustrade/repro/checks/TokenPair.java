package com.nexustrade.repro.checks;

/** What a login or a successful refresh hands out. */
public record TokenPair(String accessToken, String refreshToken) {
}
