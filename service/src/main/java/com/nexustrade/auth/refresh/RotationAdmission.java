package com.nexustrade.auth.refresh;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the refreshes in progress ({@code core.TokenService.refresh} enters and exits), and lets a refresh rotate
 * only while at most {@code limit} are: beyond that, a refresh whose token would rotate is answered 503 at once,
 * before anything is written ({@link RotationBusyException}). Grace replays are always served: they write nothing,
 * and they are what lets the second device of a storm in.
 * <p>
 * Why (docs/rotation.md, "A storm longer than the grace window"): a grace replay must reach the rule within
 * {@code refreshReuseGrace} of its sibling's rotation. When every request waits its turn behind a backlog that
 * takes longer than the window to drain, siblings far apart in the line are logged out by the service itself.
 * Answering the surplus fast keeps the line moving: each device comes back about one pass through the line
 * later, by which time its sibling has either rotated (and it replays) or not (and they race again).
 * The count is of whole refreshes, not of commits: a storm showed the backlog waiting for the CPU (parsing,
 * signing), with never more than a few rotations at the commit.
 */
public final class RotationAdmission {

    private final int limit;
    private final AtomicInteger inProgress = new AtomicInteger();

    /** @param limit refreshes in progress above which none rotates; 0 for no limit */
    public RotationAdmission(int limit) {
        this.limit = limit;
    }

    /** No limit: every refresh rotates, however many are in progress. */
    public static RotationAdmission unlimited() {
        return new RotationAdmission(0);
    }

    /** A refresh begins; every {@code enter} is followed by one {@link #exit}. */
    public void enter() {
        inProgress.incrementAndGet();
    }

    public void exit() {
        inProgress.decrementAndGet();
    }

    /** Whether a refresh may rotate now: false while more than {@code limit} refreshes are in progress. */
    boolean admitsRotation() {
        return limit == 0 || inProgress.get() <= limit;
    }
}
