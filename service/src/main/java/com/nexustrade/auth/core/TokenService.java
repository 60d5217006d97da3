package com.nexustrade.auth.core;

import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.common.AuthException;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.dpop.InvalidDPoPProofException;
import com.nexustrade.auth.dpop.ProofFailure;
import com.nexustrade.auth.dpop.ProofRequest;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nexustrade.auth.refresh.GrantFailure;
import com.nexustrade.auth.refresh.InvalidGrantException;
import com.nexustrade.auth.refresh.IssuedRefreshToken;
import com.nexustrade.auth.refresh.PresentedKey;
import com.nexustrade.auth.refresh.RefreshTokenRotation;
import com.nexustrade.auth.refresh.RotationAdmission;
import com.nexustrade.auth.refresh.RotationBusyException;
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
    private final ProofVerifier proofs;
    private final RotationAdmission admission;

    /** @param admission lets refreshes in before they wait for a connection, or answers 503 (a storm's surplus) */
    public TokenService(PasswordLogin passwordLogin, RefreshTokenRotation rotation, AccessTokenIssuer accessTokens,
                        AuthMetrics metrics, OneConnection database, ProofVerifier proofs, RotationAdmission admission) {
        this.passwordLogin = passwordLogin;
        this.rotation = rotation;
        this.accessTokens = accessTokens;
        this.metrics = metrics;
        this.database = database;
        this.proofs = proofs;
        this.admission = admission;
    }

    public TokenPair login(String username, String password, ClientContext client) {
        return login(username, password, client, ProofRequest.none());
    }

    /** With a DPoP proof the new session is bound to the proof's key (docs/dpop.md). */
    public TokenPair login(String username, String password, ClientContext client, ProofRequest proof) {
        // Before the password: a request that cannot get a token anyway does not spend the login throttle's budget.
        String dpopJkt = verifiedKey(proof);
        if (dpopJkt == null && proof.required()) {
            throw dpopRefused(new InvalidDPoPProofException(ProofFailure.MISSING));
        }
        UserAccount user;
        try {
            user = passwordLogin.authenticate(username, password, client);
        } catch (AuthException refused) {
            metrics.loginRefused(refused);
            throw refused;
        }
        IssuedRefreshToken refreshToken = database.run(() -> rotation.startSession(user.id(), dpopJkt));
        metrics.loginSucceeded();
        return new TokenPair(accessTokens.forUser(user, refreshToken.familyId(), dpopJkt), refreshToken);
    }

    public TokenPair refresh(String refreshToken, ClientContext client) {
        return refresh(refreshToken, client, ProofRequest.none());
    }

    /**
     * A refresh of a bound session needs a proof from its key, the grace replay included; the proof is verified
     * (and its jti spent) before the refresh token is read, and outside the retried unit of work, so that a
     * retry after a transient database error does not find its own jti used. Admission comes first, before the
     * proof is verified: a busy answer must cost as little as possible.
     */
    public TokenPair refresh(String refreshToken, ClientContext client, ProofRequest proof) {
        try (RotationAdmission.Admitted admitted = admit(refreshToken)) {
            return admittedRefresh(refreshToken, client, proof, admitted);
        }
    }

    private RotationAdmission.Admitted admit(String refreshToken) {
        try {
            return admission.admit(refreshToken);
        } catch (RotationBusyException busy) {
            metrics.refreshBusy();
            throw busy;
        }
    }

    private TokenPair admittedRefresh(String refreshToken, ClientContext client, ProofRequest proof,
                                      RotationAdmission.Admitted admitted) {
        String dpopJkt = verifiedKey(proof);
        PresentedKey key = new PresentedKey(dpopJkt, proof.required());
        RotationOutcome outcome;
        try {
            outcome = database.run(() -> rotation.rotate(refreshToken, client, key, admitted));
            // Cannot happen while the schema deletes a user's sessions with the user (deletingAUserEndsTheirSessions);
            // should it ever, the session is gone: an answer the client can act on, not a token without identity.
            if (outcome.owner() == null) {
                throw new InvalidGrantException(GrantFailure.REVOKED);
            }
        } catch (InvalidGrantException refused) {
            metrics.refreshRefused(refused.getFailure());
            throw refused;
        } catch (InvalidDPoPProofException refused) {
            throw dpopRefused(refused);
        }
        admitted.rotated(); // a replay too: the token was rotated, here or on another instance
        IssuedRefreshToken successor = outcome.successor();
        metrics.refreshed(outcome.kind());
        return new TokenPair(accessTokens.forUser(outcome.owner(), successor.familyId(), dpopJkt), successor);
    }

    public void logout(String refreshToken, ClientContext client) {
        database.run(() -> {
            rotation.logout(refreshToken, client);
            return null;
        });
    }

    private String verifiedKey(ProofRequest proof) {
        try {
            return proofs.proofKey(proof);
        } catch (InvalidDPoPProofException refused) {
            throw dpopRefused(refused);
        }
    }

    private InvalidDPoPProofException dpopRefused(InvalidDPoPProofException refused) {
        metrics.dpopProofRefused();
        return refused;
    }
}
