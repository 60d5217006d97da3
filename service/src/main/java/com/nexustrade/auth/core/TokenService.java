package com.nexustrade.auth.core;

import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.common.AuthException;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.refresh.GrantFailure;
import com.nexustrade.auth.refresh.InvalidGrantException;
import com.nexustrade.auth.refresh.IssuedRefreshToken;
import com.nexustrade.auth.refresh.RefreshTokenRotation;
import com.nexustrade.auth.refresh.RotationOutcome;
import com.nexustrade.auth.users.PasswordLogin;
import com.nexustrade.auth.users.UserAccount;

import com.nexustrade.auth.db.OneConnection;

/**
 * Login, refresh and logout as the API offers them: the rule classes composed, one call per endpoint, with
 * their outcomes counted.
 */
public final class TokenService {

    private final PasswordLogin passwordLogin;
    private final RefreshTokenRotation rotation;
    private final AccessTokenIssuer accessTokens;
    private final AuthMetrics metrics;
    private final OneConnection database;

    public TokenService(PasswordLogin passwordLogin, RefreshTokenRotation rotation, AccessTokenIssuer accessTokens,
                        AuthMetrics metrics, OneConnection database) {
        this.passwordLogin = passwordLogin;
        this.rotation = rotation;
        this.accessTokens = accessTokens;
        this.metrics = metrics;
        this.database = database;
    }

    public TokenPair login(String username, String password, ClientContext client) {
        UserAccount user;
        try {
            user = passwordLogin.authenticate(username, password, client);
        } catch (AuthException refused) {
            metrics.loginRefused(refused);
            throw refused;
        }
        IssuedRefreshToken refreshToken = database.run(() -> rotation.startSession(user.id()));
        metrics.loginSucceeded();
        return new TokenPair(accessTokens.forUser(user, refreshToken.familyId()), refreshToken);
    }

    public TokenPair refresh(String refreshToken, ClientContext client) {
        RotationOutcome outcome;
        try {
            outcome = database.run(() -> rotation.rotate(refreshToken, client));
            // Cannot happen while the schema deletes a user's sessions with the user (deletingAUserEndsTheirSessions);
            // should it ever, the session is gone: an answer the client can act on, not a token without identity.
            if (outcome.owner() == null) {
                throw new InvalidGrantException(GrantFailure.REVOKED);
            }
        } catch (InvalidGrantException refused) {
            metrics.refreshRefused(refused.getFailure());
            throw refused;
        }
        IssuedRefreshToken successor = outcome.successor();
        metrics.refreshed(outcome.kind());
        return new TokenPair(accessTokens.forUser(outcome.owner(), successor.familyId()), successor);
    }

    public void logout(String refreshToken, ClientContext client) {
        database.run(() -> {
            rotation.logout(refreshToken, client);
            return null;
        });
    }
}
