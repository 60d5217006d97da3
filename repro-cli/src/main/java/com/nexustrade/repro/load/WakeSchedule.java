package com.nexustrade.repro.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * When each device of a storm wakes: an offset into the window drawn from the seed alone, so a storm can be replayed
 * exactly, and the hand-over of each device to the workers' queue at its moment.
 */
final class WakeSchedule {

    private final long[] wakeAt;

    WakeSchedule(int devices, Duration window, long seed) {
        Random random = new Random(seed);
        long span = window.toNanos();
        wakeAt = new long[devices];
        for (int i = 0; i < devices; i++) {
            wakeAt[i] = span == 0 ? 0 : (long) (random.nextDouble() * span);
        }
    }

    /** Nanoseconds from the storm's start to this device's wake-up. */
    long offset(int device) {
        return wakeAt[device];
    }

    /** Puts each device on the queue at its wake-up, in wake order; devices due after the deadline never wake. */
    void release(long clock, long deadlineAt, BlockingQueue<Integer> woken) {
        Integer[] order = IntStream.range(0, wakeAt.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(device -> wakeAt[device]));
        for (int device : order) {
            long due = clock + wakeAt[device];
            if (due > deadlineAt) {
                return; // it wakes after the storm is over: no answer
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            woken.add(device);
        }
    }
}
