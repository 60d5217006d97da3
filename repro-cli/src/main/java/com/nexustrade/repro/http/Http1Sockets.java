package com.nexustrade.repro.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the two clients that write HTTP/1.1 themselves share ({@link RawHttpClient}'s probes and the load workers'
 * {@link KeepAliveConnection}): the TCP connection to a URL's host, and the head of a request.
 */
final class Http1Sockets {

    private Http1Sockets() {
    }

    /** A plain TCP connection, with --timeout as both the connect timeout and the timeout of every read. */
    static Socket connect(URI uri, Duration timeout) throws IOException {
        int timeoutMillis = (int) timeout.toMillis();
        Socket socket = new Socket();
        try {
            // Requests go out in one write and the answer is awaited: Nagle's algorithm could only delay them.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
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
