package com.nexustrade.repro.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The latency of every answered request. All samples are kept (a storm of 20,000 devices is a few hundred KB),
 * so percentiles are exact nearest-rank values, not a histogram's approximation.
 */
public final class Latencies {

    /** Milliseconds, one decimal; zero when nothing was answered. */
    public record Summary(int count, double p50, double p90, double p99, double max) {

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("p50", p50);
            map.put("p90", p90);
            map.put("p99", p99);
            map.put("max", max);
            return map;
        }

        public String line() {
            return String.format(Locale.ROOT, "p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms (%d answers)", p50, p90, p99, max, count);
        }
    }

    private long[] nanos = new long[1024];
    private int size;

    public synchronized void record(Duration latency) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latency.toNanos();
    }

    public synchronized int count() {
        return size;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return new Summary(size, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                size == 0 ? 0 : millis(sorted[size - 1]));
    }

    /** Nearest rank: the smallest sample with at least p% of the samples at or below it. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return millis(sorted[Math.max(rank, 1) - 1]);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
