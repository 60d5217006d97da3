package com.nexustrade.auth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token hashes, each with the moment it was first remembered, kept for about one {@code window}: what
 * {@link RotationAdmission} knows of the tokens it saw lately. Bounded in time and in size: two generations of one
 * window each, the older dropped as a new one starts (so a hash is kept between one and two windows), and at most
 * {@code capacity} hashes per generation; past that, new ones are not remembered until the next generation.
 */
final class RememberedHashes {

    private record Generation(long startedAt, Map<String, Long> firstSeen) {
        static Generation startingAt(long millis) {
            return new Generation(millis, new ConcurrentHashMap<>());
        }
    }

    private final long windowMillis;
    private final int capacity;
    private final Clock clock;
    private volatile Generation current;
    private volatile Generation previous;

    RememberedHashes(Duration window, int capacity, Clock clock) {
        this.windowMillis = Math.max(1, window.toMillis());
        this.capacity = capacity;
        this.clock = clock;
        this.current = Generation.startingAt(clock.millis());
        this.previous = Generation.startingAt(clock.millis());
    }

    /** Remembers {@code hash} now, unless it is remembered already (the first moment is the one kept). */
    void remember(String hash) {
        Map<String, Long> hashes = currentGeneration().firstSeen();
        if (!previous.firstSeen().containsKey(hash) && hashes.size() < capacity) {
            hashes.putIfAbsent(hash, clock.millis());
        }
    }

    /** When {@code hash} was first remembered, if it still is. */
    Optional<Long> firstSeen(String hash) {
        Generation now = currentGeneration();
        Long seen = previous.firstSeen().get(hash);
        return Optional.ofNullable(seen != null ? seen : now.firstSeen().get(hash));
    }

    boolean contains(String hash) {
        return firstSeen(hash).isPresent();
    }

    private Generation currentGeneration() {
        long now = clock.millis();
        Generation generation = current;
        if (now - generation.startedAt() < windowMillis) {
            return generation;
        }
        synchronized (this) {
            generation = current;
            if (now - generation.startedAt() >= windowMillis) {
                // After a quiet spell of two windows or more the current generation is as old as the previous.
                previous = now - generation.startedAt() < 2 * windowMillis ? generation : Generation.startingAt(now);
                current = Generation.startingAt(now);
            }
            return current;
        }
    }
}
