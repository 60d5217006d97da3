package com.nexustrade.auth.refresh;

import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} rotations waiting for their commit at once; a rotation beyond that is answered 503 at once,
 * before anything is written ({@link RotationBusyException}). Grace replays are never refused here: they write
 * nothing, and they are what lets the second device of a storm in.
 * <p>
 * Why (docs/rotation.md, "A storm longer than the grace window"): a grace replay must reach the service within
 * {@code refreshReuseGrace} of its sibling's rotation. When every request waits its turn behind a backlog that
 * takes longer than the window to drain, siblings far apart in the line are logged out by the service itself.
 * Answering the surplus fast keeps the line moving: each device comes back within about one pass through the
 * line, in which time its sibling has either rotated (and it replays) or not (and they race again).
 */
public final class RotationAdmission {

    /** No limit: every rotation waits for its commit however many there are. */
    public static final RotationAdmission UNLIMITED = new RotationAdmission(0);

    private final Semaphore slots;

    /** @param limit rotations in flight at most; 0 for no limit */
    public RotationAdmission(int limit) {
        this.slots = limit > 0 ? new Semaphore(limit) : null;
    }

    /** Takes a slot, or returns false when all are taken: the caller must not rotate then. */
    boolean tryEnter() {
        return slots == null || slots.tryAcquire();
    }

    void exit() {
        if (slots != null) {
            slots.release();
        }
    }
}
