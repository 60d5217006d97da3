package com.nexustrade.repro.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * What repro's keep-alive connections did besides sending: how many they opened (one per worker unless the server
 * closes them), how many idle ones they found closed by the server and replaced before sending on them, and how many
 * requests safe to send twice they sent again after a connection closed before answering (never a refresh).
 * The load reports show them: a resend is never silent.
 */
public final class ConnectionCounts {

    private final LongAdder opened = new LongAdder();
    private final LongAdder foundClosed = new LongAdder();
    private final LongAdder resent = new LongAdder();

    void countOpened() {
        opened.increment();
    }

    void countFoundClosed() {
        foundClosed.increment();
    }

    void countResent() {
        resent.increment();
    }

    public long opened() {
        return opened.sum();
    }

    public long foundClosed() {
        return foundClosed.sum();
    }

    public long resent() {
        return resent.sum();
    }
}
