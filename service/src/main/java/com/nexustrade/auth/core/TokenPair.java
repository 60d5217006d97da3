package com.nexustrade.auth.core;

/** What login and refresh hand to a client. */
public record TokenPair(AccessToken accessToken, IssuedRefreshToken refreshToken) {
}
