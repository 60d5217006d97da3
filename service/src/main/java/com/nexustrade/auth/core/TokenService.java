package com.nexustrade.auth.core;

import com.nexustrade.auth.db.TransientRetry;

/**
 * Login, refresh and logout as the API offers them: the rule classes composed, one call per endpoint, with
 * their outcomes counted.
 */
public final class TokenService {

    private final PasswordLogin passwordLogin;
    private final RefreshTokenRotation rotation;
    private final UserDirectory users;
    private final AccessTokenIssuer accessTokens;
    private final AuthMetrics metrics;

    public TokenService(PasswordLogin passwordLogin, RefreshTokenRotation rotation, UserDirectory users,
                        AccessTokenIssuer accessTokens, AuthMetrics metrics) {
        this.passwordLogin = passwordLogin;
        this.rotation = rotation;
        this.users = users;
        this.accessTokens = accessTokens;
        this.metrics = metrics;
    }

    public TokenPair login(String username, String password, ClientContext client) {
        UserAccount user;
        try {
            user = passwordLogin.authenticate(username, password, client);
        } catch (AuthException refused) {
            metrics.loginRefused(refused);
            throw refused;
        }
        IssuedRefreshToken refreshToken = TransientRetry.run(() -> rotation.startSession(user.id()));
        metrics.loginSucceeded();
        return new TokenPair(accessTokens.forUser(user, refreshToken.familyId()), refreshToken);
    }

    public TokenPair refresh(String refreshToken, ClientContext client) {
        RotationOutcome outcome;
        try {
            outcome = TransientRetry.run(() -> rotation.rotate(refreshToken, client));
        } catch (InvalidGrantException refused) {
            metrics.refreshRefused(refused.getFailure());
            throw refused;
        }
        IssuedRefreshToken successor = outcome.successor();
        // A family outlives its user only if the user was deleted: then the session is gone too.
        UserAccount user = users.findById(successor.userId())
                .orElseThrow(() -> new InvalidGrantException(GrantFailure.REVOKED));
        metrics.refreshed(outcome.kind());
        return new TokenPair(accessTokens.forUser(user, successor.familyId()), successor);
    }

    public void logout(String refreshToken, ClientContext client) {
        TransientRetry.run(() -> {
            rotation.logout(refreshToken, client);
            return null;
        });
    }
}
