package com.nexustrade.repro.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the load workers' keep-alive sockets did besides sending: how many connections they opened (one per worker
 * unless the server closes them) and how many requests they sent a second time after an idle connection was closed.
 * The report shows both: a resend is never silent.
 */
public final class ConnectionCounts {

    private final LongAdder opened = new LongAdder();
    private final LongAdder resent = new LongAdder();

    void countOpened() {
        opened.increment();
    }

    void countResent() {
        resent.increment();
    }

    public long opened() {
        return opened.sum();
    }

    public long resent() {
        return resent.sum();
    }
}
