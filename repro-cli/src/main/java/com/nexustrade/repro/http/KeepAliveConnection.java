package com.nexustrade.repro.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection that carries a load worker's requests one after another, written and read by repro
 * itself, as wrk does: a blocking socket, one write per request, buffered reads, no threads handing work over.
 * The JDK's HttpClient spends about 700 µs of CPU per request on the 2-core machine the comparisons run on, which
 * at bench rates is CPU the server under test then lacks. Plain http:// only. Not thread-safe: one per worker.
 *
 * <p>A refresh must never be sent twice unnoticed: under strict rotation the second send is a reuse. So a request
 * is sent again only when the server cannot have answered it: the connection had carried earlier requests and the
 * server closed it (an idle keep-alive connection) before a single byte of the answer came back. The resend is once,
 * on a new connection, and counted in {@link ConnectionCounts} for the report. Anything else that goes wrong, an
 * answer cut off halfway or no answer in time, is a transport error, and the connection is closed.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final URI origin;
    private final Duration timeout;
    private final ConnectionCounts counts;

    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    /** A connection to the origin's host and port, opened at the first request. */
    KeepAliveConnection(URI origin, Duration timeout, ConnectionCounts counts) {
        if (!"http".equalsIgnoreCase(origin.getScheme())) {
            throw new IllegalArgumentException("a keep-alive socket speaks plain http:// only, not " + origin);
        }
        this.origin = origin;
        this.timeout = timeout;
        this.counts = counts;
    }

    /**
     * Sends the request and reads its whole answer; the elapsed time runs from the first attempt's send (connecting,
     * when needed, included, as the JDK client's does) to the last byte of the answer.
     */
    HttpAnswer post(PostRequest request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        byte[] head = Http1Sockets.requestHead("POST", request.uri(), request.headers())
                .append("Content-Length: ").append(body.length).append("\r\n\r\n")
                .toString().getBytes(StandardCharsets.ISO_8859_1);
        long start = System.nanoTime();
        try {
            Http1AnswerReader.Answer answer = exchange(head, body);
            if (!answer.keepAlive()) {
                close();
            }
            return HttpAnswer.of(answer.status(), answer.body(), since(start));
        } catch (IOException e) {
            close(); // the framing is lost: whatever is left on this connection, the next request cannot follow it
            return HttpAnswer.noAnswer(reason(e), since(start));
        }
    }

    private Http1AnswerReader.Answer exchange(byte[] head, byte[] body) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            write(head, body);
            awaitAnswer();
        } catch (SocketTimeoutException noAnswerInTime) {
            throw noAnswerInTime; // the server may be working on it: sending it again could be a reuse
        } catch (IOException closedBeforeAnswering) {
            if (!reused) {
                throw closedBeforeAnswering; // a new connection is not an idle one: this server did not answer
            }
            close();
            counts.countResent();
            open();
            write(head, body);
        }
        return Http1AnswerReader.read(in);
    }

    private void open() throws IOException {
        try {
            socket = Http1Sockets.connect(origin, timeout);
        } catch (SocketTimeoutException e) {
            throw new ConnectException("no connection within " + timeout.toSeconds() + " s");
        }
        counts.countOpened();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private void write(byte[] head, byte[] body) throws IOException {
        out.write(head);
        out.write(body);
        out.flush(); // one segment for a refresh: head and body fit the buffer
    }

    /** Waits for the first byte of the answer without consuming it: until one comes, nothing was read. */
    private void awaitAnswer() throws IOException {
        in.mark(1);
        if (in.read() == -1) {
            throw new EOFException("the server closed the connection before answering");
        }
        in.reset();
    }

    /** A read timeout in the words of the JDK path, so that the two transports' failures count alike. */
    private String reason(IOException failure) {
        return failure instanceof SocketTimeoutException
                ? "no answer within " + timeout.toSeconds() + " s"
                : TransportFailures.describeAsync(failure, timeout);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more will be read from it either way
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
