package com.nexustrade.auth.refresh;

import java.util.Optional;

/**
 * Reads a refresh token with everything the rotation rule decides on (its family, successor and owner). The
 * one read of every refresh, so it has a port of its own: {@code db.TokenLookupQuery} serves it with one plain
 * prepared statement, the DAO serves it for everything else.
 */
@FunctionalInterface
public interface TokenLookup {

    Optional<RefreshTokenRecord> findByHash(String tokenHash);
}
