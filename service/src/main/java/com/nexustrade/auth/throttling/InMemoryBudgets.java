package com.nexustrade.auth.throttling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The buckets of one instance, in memory. Bounded: past {@code maxKeys} buckets, those that have refilled are
 * dropped (they equal a new bucket); if a flood of distinct keys still leaves too many, arbitrary ones go too,
 * so memory stays bounded whatever clients send. Each new key costs its sender one Argon2id verification, which
 * bounds how fast such a flood can grow.
 */
public final class InMemoryBudgets implements FailureBudgets {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryBudgets.class);
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;

    private record Entry(FailureThrottle.Limit limit, TokenBucket bucket) {
    }

    public InMemoryBudgets() {
        this(DEFAULT_MAX_KEYS);
    }

    public InMemoryBudgets(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Optional<TokenBucket> find(String key) {
        Entry entry = buckets.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.bucket());
    }

    @Override
    public void take(String key, FailureThrottle.Limit limit, long nowMillis) {
        if (buckets.size() >= maxKeys) {
            evict(nowMillis);
        }
        buckets.compute(key, (k, entry) -> new Entry(limit,
                (entry == null ? TokenBucket.full(limit, nowMillis) : entry.bucket()).afterTake(limit, nowMillis)));
    }

    /** How many buckets are tracked (bounded by {@code maxKeys}). */
    public int size() {
        return buckets.size();
    }

    private void evict(long nowMillis) {
        buckets.entrySet().removeIf(e -> e.getValue().bucket().isFull(e.getValue().limit(), nowMillis));
        if (buckets.size() < maxKeys) {
            return;
        }
        LOG.warn("More than {} failure buckets are draining at once: dropping some (a flood of distinct keys)", maxKeys);
        int excess = buckets.size() - maxKeys * 9 / 10;
        Iterator<String> keys = buckets.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
