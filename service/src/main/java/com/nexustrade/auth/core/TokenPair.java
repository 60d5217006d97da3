package com.nexustrade.auth.core;

import com.nexustrade.auth.access.AccessToken;
import com.nexustrade.auth.refresh.IssuedRefreshToken;

/** What login and refresh hand to a client. */
public record TokenPair(AccessToken accessToken, IssuedRefreshToken refreshToken) {
}
