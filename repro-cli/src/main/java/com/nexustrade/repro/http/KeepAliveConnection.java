package com.nexustrade.repro.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection that carries requests one after another, written and read by repro itself, as wrk does:
 * a blocking socket (TLS for https), one write per request, buffered reads, no threads handing work over. The JDK's
 * HttpClient spends several times more CPU per request (measured in docs/repro.md, "How the refreshes travel"), and
 * it keeps connections that an HTTP/1.0 server closes after its answer (it reads only the Connection header), so its
 * next request on one fails. Not thread-safe: one per worker, or one at a time from {@link Http1Client}'s pool.
 *
 * <p>Servers close connections: after an HTTP/1.0 answer or one with Connection: close (honoured: the next request
 * goes out on a new connection), after so many requests, or when a connection sits idle. Before a connection is used
 * again it is looked at without blocking; one the server has closed is replaced, nothing having been sent on it.
 * Should the server still close it between that look and its answer, the request may or may not have reached it:
 * a request safe to send twice (a login, a probe) is sent once more on a new connection and counted; a refresh is
 * not (under strict rotation a second send is a reuse): it is a transport error with that evidence. Anything else that
 * goes wrong, an answer cut off halfway or no answer in time, is a transport error, and the connection is closed.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** May the request go out a second time when the connection closed before any of its answer came? */
    enum Resend { ONCE_IF_CLOSED, NEVER }

    private final URI origin;
    private final Duration timeout;
    private final boolean insecure;
    private final ConnectionCounts counts;

    private SocketChannel channel;
    private BufferedInputStream in;
    private OutputStream out;
    private java.net.Socket socket;

    /** A connection to the origin's host and port, opened at the first request. */
    KeepAliveConnection(URI origin, Duration timeout, boolean insecure, ConnectionCounts counts) {
        this.origin = origin;
        this.timeout = timeout;
        this.insecure = insecure;
        this.counts = counts;
    }

    /**
     * Sends the request and reads its whole answer, or fails with the reason; the connection is closed after a
     * failure, and after an answer that does not keep it open. The caller measures time from before this call.
     */
    Http1AnswerReader.Answer exchange(Request request, Resend resend) throws IOException {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = Http1Sockets.requestHead(request.method(), request.uri(), request.headers());
        if (!request.method().equals("GET") || body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        try {
            Http1AnswerReader.Answer answer = send(headBytes, body, resend);
            if (!answer.keepAlive() || request.asksToClose()) {
                close();
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            close(); // the framing is lost: whatever is left on this connection, the next request cannot follow it
            throw e;
        }
    }

    private Http1AnswerReader.Answer send(byte[] head, byte[] body, Resend resend) throws IOException {
        if (socket != null && !stillOpen()) {
            close();
            counts.countFoundClosed();
        }
        if (socket == null) {
            open();
        }
        try {
            write(head, body);
            awaitAnswer();
        } catch (SocketTimeoutException noAnswerInTime) {
            throw noAnswerInTime; // the server may be working on it: sending it again could be a reuse
        } catch (IOException closedBeforeAnswering) {
            close();
            if (resend == Resend.NEVER) {
                throw new ClosedBeforeAnswerException("the server closed the connection before answering ("
                        + TransportFailures.describe(closedBeforeAnswering) + "); not sent again: it may have reached "
                        + "the server, and a refresh sent twice is a reuse");
            }
            counts.countResent();
            open();
            write(head, body);
        }
        return Http1AnswerReader.read(in);
    }

    /**
     * Whether an idle connection can carry a request: nothing to read on it yet, and not closed by the server. A
     * non-blocking read of the channel decides without waiting; any byte it takes is one nobody asked for, which
     * also rules the connection out.
     */
    private boolean stillOpen() {
        try {
            if (in.available() > 0) {
                return false;
            }
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException broken) {
            return false;
        }
    }

    private void open() throws IOException {
        Http1Sockets.Opened opened = Http1Sockets.open(origin, timeout, insecure);
        counts.countOpened();
        channel = opened.channel();
        socket = opened.socket();
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
            throw new EOFException("closed without a byte of an answer");
        }
        in.reset();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
                channel.close();
            } catch (IOException ignored) {
                // nothing more will be read from it either way
            }
            socket = null;
            channel = null;
            in = null;
            out = null;
        }
    }

    /** The connection closed after the request went out and before any of its answer, and it was not resent. */
    static final class ClosedBeforeAnswerException extends IOException {
        ClosedBeforeAnswerException(String message) {
            super(message);
        }
    }
}
