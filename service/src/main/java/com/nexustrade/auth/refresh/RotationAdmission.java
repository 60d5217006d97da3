package com.nexustrade.auth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Decides on arrival, before a refresh waits for a pooled connection, whether it goes in now or is answered 503
 * with {@code Retry-After} (docs/rotation.md, "A storm longer than the grace window").
 * <p>
 * The grace window is measured from a rotation to the arrival of its twin (the other device, the app's own retry)
 * at the rule. When a storm outgrows what the service can serve, the twin waits behind every device that woke in
 * between, and a line longer than the window turns it into reuse: the service itself logs the user out. So the line
 * is kept short at the door: at most {@code limit} refreshes are in progress at once, one more is answered 503 at
 * once with nothing read or written (its token still active; the app sends it again after the delay, nobody is
 * logged out), and the twin of a token that is rotating now, or rotated within about the last window, goes in ahead
 * of the line without a slot: it is a replay, which writes nothing. A busy answer costs the service far less than a
 * refresh, so the devices it turns away come back within seconds, not after the whole storm.
 * <p>
 * And the grace window does not run while the door is shut ({@link Admitted#judgedAt}): every second in which
 * some refresh was answered busy is taken off the time since a rotation before the rule judges its twin. While the
 * service turns refreshes away, twins are held up in their apps' retry loops and in whatever line forms on the
 * client side, where the service cannot see them; the service's own overload never turns a twin into reuse. The
 * pause is bounded by {@link BusySeconds#SPAN_SECONDS} and gives nobody a replay of a successor already used.
 * <p>
 * Per instance, and a hint only: the store still decides every refresh, so letting in a twin early or turning one
 * away changes who waits, never an answer.
 */
public final class RotationAdmission {

    /** Hashes remembered per window at most: ~150 bytes each, so two generations stay under 10 MB. */
    static final int REMEMBERED_PER_WINDOW = 32_768;

    private final Semaphore slots;
    private final OpaqueTokens tokens;
    /** Hash of each token with a refresh in progress, and how many: a second one is its twin. */
    private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();
    /** Tokens rotated in about the last grace window: a request for one is a twin. */
    private final RememberedHashes recentlyRotated;
    private final BusySeconds busySeconds = new BusySeconds();
    private final Clock clock;

    /**
     * @param limit refreshes in progress at once, twins not counted; 0 for no limit
     * @param reuseGrace the grace window: how long a rotated token's twins are let in ahead of the line
     */
    public RotationAdmission(int limit, OpaqueTokens tokens, Duration reuseGrace, Clock clock) {
        this.slots = limit > 0 ? new Semaphore(limit) : null;
        this.tokens = tokens;
        this.recentlyRotated = new RememberedHashes(reuseGrace, REMEMBERED_PER_WINDOW, clock);
        this.clock = clock;
    }

    /**
     * Lets a refresh of {@code presentedToken} in, holding a slot unless it is a twin; close what it returns once
     * the refresh is answered.
     *
     * @throws RotationBusyException when every slot is taken and the token is not a twin: nothing read or written
     */
    public Admitted admit(String presentedToken) {
        if (slots == null) {
            return new Admitted(null, false, false); // no limit: nothing to count, and no hash worth taking
        }
        String hash = tokens.lookupHash(presentedToken).orElse(null);
        if (hash == null) {
            return new Admitted(null, false, false); // refused without the store
        }
        if (recentlyRotated.contains(hash)) {
            return new Admitted(hash, false, false);
        }
        if (inProgress.computeIfPresent(hash, (h, n) -> n + 1) != null) {
            return new Admitted(hash, true, false);
        }
        if (!slots.tryAcquire()) {
            busySeconds.mark(clock.millis());
            throw new RotationBusyException();
        }
        inProgress.merge(hash, 1, Integer::sum);
        return new Admitted(hash, true, true);
    }

    /** One refresh let in. */
    public final class Admitted implements AutoCloseable, WindowClock {

        private final String hash;
        /** Counted in {@link #inProgress}. */
        private final boolean counted;
        private final boolean holdsSlot;

        private Admitted(String hash, boolean counted, boolean holdsSlot) {
            this.hash = hash;
            this.counted = counted;
            this.holdsSlot = holdsSlot;
        }

        /** The token was rotated (here or by another instance): its later twins go in ahead of the line. */
        public void rotated() {
            if (hash != null) {
                recentlyRotated.remember(hash);
            }
        }

        /** {@code now}, less every second since the window opened in which the door was shut. */
        @Override
        public Instant judgedAt(Instant windowOpenedAt, Instant now) {
            if (hash == null) {
                return now; // no limit, so never busy; or a token the store never sees
            }
            return now.minusMillis(busySeconds.busyMillisBetween(windowOpenedAt.toEpochMilli(), now.toEpochMilli()));
        }

        @Override
        public void close() {
            if (counted) {
                inProgress.computeIfPresent(hash, (h, n) -> n > 1 ? n - 1 : null);
            }
            if (holdsSlot) {
                slots.release();
            }
        }
    }
}
