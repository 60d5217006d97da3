package com.nexustrade.repro.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The TCP (and TLS) connection to a URL's host for {@link KeepAliveConnection}, and the head of a request. */
final class Http1Sockets {

    /**
     * A connection: the socket to read and write (TLS layered over the channel's socket for https), and the channel
     * underneath, which can look at the connection without blocking ({@link KeepAliveConnection}'s idle check).
     */
    record Opened(SocketChannel channel, Socket socket) {
    }

    private Http1Sockets() {
    }

    /** --timeout is both the connect timeout and the timeout of every read; --insecure skips certificate checks. */
    static Opened open(URI uri, Duration timeout, boolean insecure) throws IOException {
        int timeoutMillis = (int) timeout.toMillis();
        SocketChannel channel = SocketChannel.open();
        try {
            Socket plain = channel.socket();
            // Requests go out in one write and the answer is awaited: Nagle's algorithm could only delay them.
            plain.setTcpNoDelay(true);
            try {
                plain.connect(new InetSocketAddress(uri.getHost(), port(uri)), timeoutMillis);
            } catch (SocketTimeoutException e) {
                throw new ConnectException("no connection within " + timeout.toSeconds() + " s");
            }
            plain.setSoTimeout(timeoutMillis);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return new Opened(channel, plain);
            }
            SSLContext tls = TlsContexts.forTarget(insecure);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, uri.getHost(), port(uri), true);
            if (!insecure) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // SSLSocket does not check the host name by default
                socket.setSSLParameters(parameters);
            }
            socket.setSoTimeout(timeoutMillis);
            socket.startHandshake();
            return new Opened(channel, socket);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The request line, Host, then the headers in the order given; the caller ends the head. */
    static StringBuilder requestHead(String method, URI uri, List<Map.Entry<String, String>> headers) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(512)
                .append(method).append(' ').append(path.isEmpty() ? "/" : path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getAuthority()).append("\r\n");
        headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return head;
    }
}
