package com.nexustrade.auth.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand: grace windows and expiry are tested exactly, never by sleeping. */
public final class MutableClock extends Clock {

    /** Market open on the incident's Monday, 9:30 EST. */
    public static final Instant MARKET_OPEN = Instant.parse("2024-03-18T13:30:00Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public MutableClock() {
        this(MARKET_OPEN);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
