package com.nexustrade.auth.refresh;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The seconds, within the last {@link #SPAN_SECONDS}, in which {@link RotationAdmission} answered at least one
 * refresh busy: how long the door was shut. A ring of one slot per second, each holding the epoch second it last
 * marked, so it is bounded and needs no sweeping. Whole seconds: a second with one busy answer counts as busy.
 */
final class BusySeconds {

    /** The most a grace window can be paused by: the span of an access token's expiry wave (5 minutes). */
    static final int SPAN_SECONDS = 300;

    private final AtomicLongArray marked = new AtomicLongArray(SPAN_SECONDS);

    BusySeconds() {
        for (int i = 0; i < SPAN_SECONDS; i++) {
            marked.set(i, -1);
        }
    }

    void mark(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        marked.set(slot(second), second);
    }

    /** Milliseconds of busy seconds after {@code fromMillis} up to {@code toMillis}, within the span. */
    long busyMillisBetween(long fromMillis, long toMillis) {
        long last = Math.floorDiv(toMillis, 1000);
        long first = Math.max(Math.floorDiv(fromMillis, 1000) + 1, last - SPAN_SECONDS + 1);
        long busy = 0;
        for (long second = first; second <= last; second++) {
            if (marked.get(slot(second)) == second) {
                busy += 1000;
            }
        }
        return Math.min(busy, Math.max(0, toMillis - fromMillis));
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) SPAN_SECONDS);
    }
}
