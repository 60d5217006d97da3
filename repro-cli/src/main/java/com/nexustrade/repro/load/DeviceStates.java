package com.nexustrade.repro.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Where each device of a storm stands: still refreshing, holding a token, forced out, or without an answer. A device
 * leaves PENDING once, whoever gets there first (its worker, or the deadline), and the storm waits for all to leave.
 */
final class DeviceStates {

    enum Outcome { PENDING, HOLDS_TOKEN, FORCED_OUT, NO_ANSWER }

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final int devicesPerUser;
    private final AtomicIntegerArray state;
    private final CountDownLatch finished;

    DeviceStates(int users, int devicesPerUser) {
        this.devicesPerUser = devicesPerUser;
        this.state = new AtomicIntegerArray(users * devicesPerUser);
        this.finished = new CountDownLatch(users * devicesPerUser);
    }

    int size() {
        return state.length();
    }

    /** The session whose refresh token this device shares with the user's other devices. */
    int userOf(int device) {
        return device / devicesPerUser;
    }

    boolean isPending(int device) {
        return state.get(device) == Outcome.PENDING.ordinal();
    }

    /** Ends a pending device with this outcome; false when it had ended already. */
    boolean finish(int device, Outcome outcome) {
        if (state.compareAndSet(device, Outcome.PENDING.ordinal(), outcome.ordinal())) {
            finished.countDown();
            return true;
        }
        return false;
    }

    /** Ends every device still pending without an answer; returns how many there were. */
    int endPending() {
        int ended = 0;
        for (int device = 0; device < state.length(); device++) {
            if (finish(device, Outcome.NO_ANSWER)) {
                ended++;
            }
        }
        return ended;
    }

    /** Waits until every device has ended, or the time is up. */
    void awaitAllEnded(long nanos) throws InterruptedException {
        finished.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    long ended() {
        return state.length() - finished.getCount();
    }

    int count(Outcome outcome) {
        int n = 0;
        for (int device = 0; device < state.length(); device++) {
            if (OUTCOMES[state.get(device)] == outcome) {
                n++;
            }
        }
        return n;
    }

    /** Users with at least one device forced out: the app logs the user out, not the device. */
    int usersForcedOut() {
        int users = state.length() / devicesPerUser;
        return (int) IntStream.range(0, users).filter(user -> IntStream.range(0, devicesPerUser)
                .anyMatch(d -> state.get(user * devicesPerUser + d) == Outcome.FORCED_OUT.ordinal())).count();
    }
}
