package com.nexustrade.auth.core;

import com.nexustrade.auth.db.TransientRetry;

/** Login, refresh and logout as the API offers them: the rule classes composed, one call per endpoint. */
public final class TokenService {

    private final PasswordLogin passwordLogin;
    private final RefreshTokenRotation rotation;
    private final UserDirectory users;
    private final AccessTokenIssuer accessTokens;

    public TokenService(PasswordLogin passwordLogin, RefreshTokenRotation rotation, UserDirectory users,
                        AccessTokenIssuer accessTokens) {
        this.passwordLogin = passwordLogin;
        this.rotation = rotation;
        this.users = users;
        this.accessTokens = accessTokens;
    }

    public TokenPair login(String username, String password) {
        UserAccount user = passwordLogin.authenticate(username, password);
        IssuedRefreshToken refreshToken = TransientRetry.run(() -> rotation.startSession(user.id()));
        return new TokenPair(accessTokens.forUser(user, refreshToken.familyId()), refreshToken);
    }

    public TokenPair refresh(String refreshToken) {
        RotationOutcome outcome = TransientRetry.run(() -> rotation.rotate(refreshToken));
        IssuedRefreshToken successor = outcome.successor();
        // A family outlives its user only if the user was deleted: then the session is gone too.
        UserAccount user = users.findById(successor.userId())
                .orElseThrow(() -> new InvalidGrantException(GrantFailure.REVOKED));
        return new TokenPair(accessTokens.forUser(user, successor.familyId()), successor);
    }

    public void logout(String refreshToken) {
        TransientRetry.run(() -> {
            rotation.logout(refreshToken);
            return null;
        });
    }
}
