package com.nexustrade.repro.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * repro's own HTTP/1.1 client for the checks: requests from any thread, each on a keep-alive connection taken from
 * a small pool per origin (a new one when none is idle), given back when the answer leaves it open. Headers are
 * written byte for byte, so the service-auth probes' empty, blank, non-ASCII and repeated values reach the server as
 * they are. Failures are sorted as everywhere ({@link TransportFailures}): no connection at all cannot run (exit 2);
 * a connection that did not answer is evidence against the target.
 */
final class Http1Client implements AutoCloseable {

    /** Idle connections kept per origin: the checks send at most --parallel requests at once. */
    private static final int MAX_IDLE = 32;

    private final Duration timeout;
    private final boolean insecure;
    private final ConnectionCounts counts = new ConnectionCounts();
    private final Map<String, Deque<KeepAliveConnection>> idle = new ConcurrentHashMap<>();

    Http1Client(Duration timeout, boolean insecure) {
        this.timeout = timeout;
        this.insecure = insecure;
    }

    HttpAnswer send(Request request, KeepAliveConnection.Resend resend) {
        URI uri = request.uri();
        Deque<KeepAliveConnection> pool = idle.computeIfAbsent(origin(uri), o -> new ConcurrentLinkedDeque<>());
        KeepAliveConnection connection = pool.pollFirst();
        if (connection == null) {
            connection = new KeepAliveConnection(uri, timeout, insecure, counts);
        }
        long start = System.nanoTime();
        try {
            Http1AnswerReader.Answer answer = connection.exchange(request, resend);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (answer.keepAlive() && !request.asksToClose() && pool.size() < MAX_IDLE) {
                pool.offerFirst(connection);
            } else {
                connection.close();
            }
            return HttpAnswer.of(answer.status(), answer.headers(), answer.body(), elapsed);
        } catch (IOException e) {
            return TransportFailures.classify(e, uri, timeout, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    ConnectionCounts counts() {
        return counts;
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + Http1Sockets.port(uri);
    }

    @Override
    public void close() {
        idle.values().forEach(pool -> {
            for (KeepAliveConnection connection; (connection = pool.pollFirst()) != null; ) {
                connection.close();
            }
        });
    }
}
