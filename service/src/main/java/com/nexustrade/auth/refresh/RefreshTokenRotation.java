package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.Ids;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.dpop.InvalidDPoPProofException;
import com.nexustrade.auth.dpop.ProofFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rotation rule of docs/rotation.md, the fix for incident 04. A refresh token moves through
 * <pre>
 *   ACTIVE --refresh--> ROTATED --(same token again within the grace window, successor unused)--> GRACE REPLAY
 *                          |                                                   (same successor, new access token)
 *                          +--(again after the window, or any older ancestor)--> REUSE: family revoked
 * </pre>
 * The ACTIVE -> ROTATED step is one conditional UPDATE in the database, so exactly one caller wins however
 * many threads or instances race; every loser reads the winner's committed row and becomes a grace replay.
 * That is what turns the incident's "first call wins, the others get 401" into "all callers get 200 and
 * hold the same successor".
 * <p>
 * A session bound to a device key (DPoP, docs/dpop.md) answers only to that key, in every state: the grace
 * replay is then open to the holder of the key and to nobody else, and a token presented without it is theft.
 */
public final class RefreshTokenRotation {

    private final RefreshTokenStore store;
    private final TokenLookup lookup;
    private final RotationWriter writer;
    private final OpaqueTokens tokens;
    private final SuccessorSeal seal;
    private final Duration refreshTokenTtl;
    private final Duration sessionMaxLifetime;
    private final Duration reuseGrace;
    private final Clock clock;
    private final SecurityEvents events;

    /** Each rotation commits on its own. */
    public RefreshTokenRotation(RefreshTokenStore store, OpaqueTokens tokens, SuccessorSeal seal,
                                SessionLifetimes lifetimes, Clock clock, SecurityEvents events) {
        this(store, store::rotate, tokens, seal, lifetimes, clock, events);
    }

    /** Rotations written by {@code writer}, everything else through {@code store}. */
    public RefreshTokenRotation(RefreshTokenStore store, RotationWriter writer, OpaqueTokens tokens,
                                SuccessorSeal seal, SessionLifetimes lifetimes, Clock clock, SecurityEvents events) {
        this(store, store, writer, tokens, seal, lifetimes, clock, events);
    }

    /**
     * @param lookup    reads the presented token on every refresh (the hot path's one read)
     * @param writer    writes rotations (e.g. a group commit); everything else goes through {@code store}
     * @param lifetimes each refresh gives a successor {@code refreshTokenTtl}, never beyond the session's absolute
     *                  end ({@code sessionMaxLifetime} after its login)
     */
    public RefreshTokenRotation(RefreshTokenStore store, TokenLookup lookup, RotationWriter writer,
                                OpaqueTokens tokens, SuccessorSeal seal, SessionLifetimes lifetimes, Clock clock,
                                SecurityEvents events) {
        this.store = store;
        this.lookup = lookup;
        this.writer = writer;
        this.tokens = tokens;
        this.seal = seal;
        this.refreshTokenTtl = lifetimes.refreshTokenTtl();
        this.sessionMaxLifetime = lifetimes.sessionMaxLifetime();
        this.reuseGrace = lifetimes.reuseGrace();
        this.clock = clock;
        this.events = events;
    }

    /** Starts a session (a token family) for a user who just logged in. */
    public IssuedRefreshToken startSession(String userId) {
        return startSession(userId, null);
    }

    /** @param dpopJkt the thumbprint of the device key the session is bound to, null for a Bearer session */
    public IssuedRefreshToken startSession(String userId, String dpopJkt) {
        Instant now = clock.instant();
        String familyId = Ids.newId();
        Instant sessionEndsAt = now.plus(sessionMaxLifetime);
        Instant expiresAt = earlier(now.plus(refreshTokenTtl), sessionEndsAt);
        String token = tokens.newToken(familyId, expiresAt);
        store.startFamily(familyId, userId, Ids.newId(), tokens.hash(token),
                now.toEpochMilli(), expiresAt.toEpochMilli(), sessionEndsAt.toEpochMilli(), dpopJkt);
        return new IssuedRefreshToken(token, expiresAt, familyId, userId);
    }

    /**
     * Exchanges a refresh token for its successor.
     *
     * @throws InvalidGrantException with the reason a client can act on
     */
    public RotationOutcome rotate(String presentedToken, ClientContext client) {
        return rotate(presentedToken, client, PresentedKey.NONE);
    }

    /**
     * Exchanges a refresh token for its successor, for a caller that proved possession of {@code key}.
     *
     * @throws InvalidGrantException with the reason a client can act on
     * @throws InvalidDPoPProofException when the client must bind its sessions and this one is not bound
     */
    public RotationOutcome rotate(String presentedToken, ClientContext client, PresentedKey key) {
        return rotate(presentedToken, client, key, WindowClock.WALL);
    }

    /**
     * As {@link #rotate(String, ClientContext, PresentedKey)}, with the grace window judged on {@code windowClock}:
     * the one of the refresh's admission ({@link RotationAdmission}) does not run while the service turns refreshes
     * away, so that its own overload never turns a twin into reuse.
     */
    public RotationOutcome rotate(String presentedToken, ClientContext client, PresentedKey key,
                                  WindowClock windowClock) {
        String hash = tokens.lookupHash(presentedToken).orElseThrow(() -> new InvalidGrantException(GrantFailure.UNKNOWN));
        // Two passes at most: a caller that loses the race to rotate decides again, and then the token is ROTATED.
        for (int pass = 0; pass < 2; pass++) {
            Optional<RefreshTokenRecord> found = lookup.findByHash(hash);
            Instant now = clock.instant();
            if (found.isEmpty()) {
                throw spentOrUnknown(presentedToken, now, client);
            }
            RefreshTokenRecord token = found.get();
            if (token.isFamilyRevoked()) {
                throw new InvalidGrantException(GrantFailure.REVOKED);
            }
            if (token.isExpiredAt(now.toEpochMilli())) {
                throw new InvalidGrantException(GrantFailure.EXPIRED);
            }
            requireBoundKey(token, key, now, client);
            if (token.isActive()) {
                Optional<RotationOutcome> rotated = tryRotate(token, now, key);
                if (rotated.isPresent()) {
                    return rotated.get();
                }
                continue;
            }
            if (isInGraceWindow(token, windowClock, now)) {
                return graceReplay(token);
            }
            revokeForReuse(token, now, client);
            throw new InvalidGrantException(GrantFailure.REUSE_DETECTED);
        }
        throw new IllegalStateException("refresh token rotation did not settle in two passes");
    }

    /**
     * Revokes the whole session of any of its tokens, used or not, its row kept or not (a stamped token names its
     * session). Unknown tokens are ignored (idempotent).
     */
    public void logout(String presentedToken, ClientContext client) {
        Optional<String> hash = tokens.lookupHash(presentedToken);
        if (hash.isEmpty()) {
            return;
        }
        // A kept row already names its session and user: the session is read again only for a row-less token.
        Optional<FamilyRecord> session = store.findByHash(hash.get())
                .map(token -> new FamilyRecord(token.familyId(), token.userId(), token.familyRevokedAt(),
                        token.sessionEndsAt()))
                .or(() -> sessionNamedBy(tokens.stampOf(presentedToken)));
        session.ifPresent(family -> {
            if (store.revokeFamily(family.id(), clock.millis(), "logout")) {
                events.familyRevoked(family.id(), family.userId(), "logout", client);
            }
        });
    }

    /** The session a valid stamp names, while it is still stored. */
    private Optional<FamilyRecord> sessionNamedBy(Optional<OpaqueTokens.FamilyStamp> stamp) {
        return stamp.flatMap(valid -> store.findFamily(valid.familyId()));
    }

    /**
     * A well-formed token without a row. A stamped one whose MAC holds was issued by us, and every token we issue
     * is committed before anybody receives it: so its row was deleted, because its successor had been used
     * (docs/rotation.md, "What the store keeps"), and presenting it is reuse, exactly as presenting a kept, spent
     * token is. Revoked and expired are answered first, as for a kept token. Anything else is unknown, and ends
     * nothing: a token whose MAC fails cannot name a session a stranger wants ended.
     */
    private InvalidGrantException spentOrUnknown(String presentedToken, Instant now, ClientContext client) {
        Optional<OpaqueTokens.FamilyStamp> stamp = tokens.stampOf(presentedToken);
        Optional<FamilyRecord> session = sessionNamedBy(stamp);
        if (session.isEmpty()) {
            return new InvalidGrantException(GrantFailure.UNKNOWN);
        }
        FamilyRecord family = session.get();
        if (family.isRevoked()) {
            return new InvalidGrantException(GrantFailure.REVOKED);
        }
        if (!now.isBefore(stamp.get().expiresAt()) || now.toEpochMilli() >= family.endsAt()) {
            return new InvalidGrantException(GrantFailure.EXPIRED);
        }
        events.refreshTokenReuse(family.id(), family.userId(), null, null, client);
        if (store.revokeFamily(family.id(), now.toEpochMilli(), GrantFailure.REUSE_DETECTED.reason())) {
            events.familyRevoked(family.id(), family.userId(), GrantFailure.REUSE_DETECTED.reason(), client);
        }
        return new InvalidGrantException(GrantFailure.REUSE_DETECTED);
    }

    /**
     * Checked after revoked and expired (those answers stay the same for everyone) and before the state: whoever
     * lacks the key gets neither a rotation nor a grace replay, and ends the session, as reuse does.
     */
    private void requireBoundKey(RefreshTokenRecord token, PresentedKey key, Instant now, ClientContext client) {
        if (!token.isBoundToKey()) {
            if (key.bindingRequired() && key.jkt() == null) {
                throw new InvalidDPoPProofException(ProofFailure.MISSING);
            }
            return;
        }
        if (key.matches(token.familyDpopJkt())) {
            return;
        }
        events.dpopKeyMismatch(token.familyId(), token.userId(), token.id(), key.jkt() != null, client);
        String reason = GrantFailure.DPOP_KEY_MISMATCH.reason();
        if (store.revokeFamily(token.familyId(), now.toEpochMilli(), reason)) {
            events.familyRevoked(token.familyId(), token.userId(), reason, client);
        }
        throw new InvalidGrantException(GrantFailure.DPOP_KEY_MISMATCH);
    }

    private Optional<RotationOutcome> tryRotate(RefreshTokenRecord current, Instant now, PresentedKey key) {
        String successorId = Ids.newId();
        Instant successorExpiresAt = earlier(now.plus(refreshTokenTtl), Instant.ofEpochMilli(current.sessionEndsAt()));
        String successor = tokens.newToken(current.familyId(), successorExpiresAt);
        boolean graceOn = !reuseGrace.isZero();
        String sealed = graceOn ? seal.seal(successor, current.id()) : null;
        Long replayUntil = graceOn ? now.plus(reuseGrace).toEpochMilli() : null;
        boolean won = writer.rotate(current, now.toEpochMilli(), successorId, tokens.hash(successor),
                successorExpiresAt.toEpochMilli(), sealed, replayUntil);
        if (!won) {
            return Optional.empty();
        }
        if (!current.isBoundToKey() && key.jkt() != null) {
            // A Bearer session whose app now sends proofs is bound from this rotation on (docs/dpop.md).
            store.bindFamily(current.familyId(), key.jkt());
        }
        return Optional.of(new RotationOutcome(RotationOutcome.Kind.ROTATED,
                new IssuedRefreshToken(successor, successorExpiresAt, current.familyId(), current.userId()),
                current.owner()));
    }

    /** Only the immediate predecessor of the active token replays, and only inside the window. */
    private boolean isInGraceWindow(RefreshTokenRecord token, WindowClock windowClock, Instant now) {
        if (token.replayUntil() == null || token.usedAt() == null) {
            return false;
        }
        return windowClock.judgedAt(Instant.ofEpochMilli(token.usedAt()), now).toEpochMilli() < token.replayUntil()
                && token.sealedSuccessor() != null
                && !token.isSuccessorSpent();
    }

    private RotationOutcome graceReplay(RefreshTokenRecord token) {
        String successor = seal.open(token.sealedSuccessor(), token.id())
                .orElseThrow(() -> new IllegalStateException(
                        "a grace-window successor cannot be unsealed: instances must share keys/seal.key"));
        return new RotationOutcome(RotationOutcome.Kind.GRACE_REPLAY, new IssuedRefreshToken(successor,
                Instant.ofEpochMilli(token.successorExpiresAt()), token.familyId(), token.userId()), token.owner());
    }

    private void revokeForReuse(RefreshTokenRecord token, Instant now, ClientContext client) {
        events.refreshTokenReuse(token.familyId(), token.userId(), token.id(), token.usedAt(), client);
        if (store.revokeFamily(token.familyId(), now.toEpochMilli(), GrantFailure.REUSE_DETECTED.reason())) {
            events.familyRevoked(token.familyId(), token.userId(), GrantFailure.REUSE_DETECTED.reason(), client);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
