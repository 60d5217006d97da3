package com.nexustrade.auth.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One WARN at start when the JVM may grow its heap past 1 GiB: without a limit it takes a quarter of the machine
 * and keeps the garbage of login bursts (docs/operations.md#jvm-memory), which operators read as a leak.
 */
public final class HeapLimitWarning {

    static final long LIMIT_BYTES = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(HeapLimitWarning.class);

    private HeapLimitWarning() {
    }

    public static void logIfOverLimit() {
        warningFor(Runtime.getRuntime().maxMemory()).ifPresent(LOG::warn);
    }

    static Optional<String> warningFor(long maxHeapBytes) {
        if (maxHeapBytes <= LIMIT_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format("Max heap is %,d MiB (over 1 GiB): give the JVM a limit, e.g. start with "
                + "bin/nexus-auth or java @jvm.options (docs/operations.md#jvm-memory)", maxHeapBytes >> 20));
    }
}
