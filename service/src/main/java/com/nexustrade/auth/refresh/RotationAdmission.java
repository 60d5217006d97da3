package com.nexustrade.auth.refresh;

import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} refreshes rotating at once, each counted from its rotation decision to its answer (the
 * commit, the access token's signature, the response). One more whose token would rotate is answered 503 at once,
 * before anything is written ({@link RotationBusyException}). Grace replays and busy answers take no slot: they
 * write nothing, and replays are what lets the second device of a storm in.
 * <p>
 * Why it exists, and why it is off by default (docs/rotation.md, "A storm longer than the grace window"): the aim
 * was to keep the line of a market-open storm moving by answering the surplus fast, so that twins sharing a token
 * reach the rule within the grace window of each other. Measured, it did not: the line waits in Jetty and for a
 * pooled connection, before the rule can tell a rotation from a replay, so busy answers wait in it too.
 * <p>
 * Measured on the way (docs/performance.md): slots held only through the commit were never all taken; a count of
 * every refresh in progress, busy answers included, stayed above its limit once reached and rotated almost nothing.
 * A slot is held by the thread that took it until {@link #releaseHeld}: the request's thread, which
 * {@code core.TokenService.refresh} releases when it answers.
 */
public final class RotationAdmission {

    private final Semaphore slots;
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    /** @param limit refreshes rotating at once at most; 0 for no limit */
    public RotationAdmission(int limit) {
        this.slots = limit > 0 ? new Semaphore(limit) : null;
    }

    /** No limit: every refresh rotates, however many are rotating. */
    public static RotationAdmission unlimited() {
        return new RotationAdmission(0);
    }

    /** Takes a slot for this thread's refresh (at most one), or returns false when all are taken. */
    boolean tryTake() {
        if (slots == null || holding.get()) {
            return true;
        }
        if (!slots.tryAcquire()) {
            return false;
        }
        holding.set(true);
        return true;
    }

    /** Gives back the slot this thread's refresh holds, if any: call once the refresh is answered. */
    public void releaseHeld() {
        if (slots != null && holding.get()) {
            holding.set(false);
            slots.release();
        }
    }
}
