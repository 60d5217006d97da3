package com.nexustrade.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** HTTP/1.1 written by hand on a socket: the only way to send empty, blank and repeated headers exactly. */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    public static Response post(int port, String path, List<String> headerLines) throws IOException {
        return exchange(port, "POST " + path + " HTTP/1.1", headerLines, "");
    }

    public static Response exchange(int port, String requestLine, List<String> headerLines, String body)
            throws IOException {
        return exchangeFrom(InetAddress.getLoopbackAddress(), port, requestLine, headerLines, body);
    }

    /**
     * The request sent from {@code source}, a local address such as 127.0.0.2 (all of 127/8 is loopback): the
     * server sees it as the client address, so one test can play an attacker and the legitimate caller. A
     * {@code Host:} line among the headers replaces the default one.
     */
    public static Response exchangeFrom(InetAddress source, int port, String requestLine, List<String> headerLines,
                                        String body) throws IOException {
        return checked(requestLine, send(source, port, requestLine, headerLines, body));
    }

    /** A request to the admin port: not public, so docs/openapi.yaml does not describe it and is not checked. */
    public static Response exchangeWithAdmin(int adminPort, String requestLine, List<String> headerLines, String body)
            throws IOException {
        return send(InetAddress.getLoopbackAddress(), adminPort, requestLine, headerLines, body);
    }

    private static Response send(InetAddress source, int port, String requestLine, List<String> headerLines,
                                 String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, source, 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            if (headerLines.stream().noneMatch(line -> line.regionMatches(true, 0, "Host:", 0, 5))) {
                request.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            request.append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Length: ").append(bodyBytes.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            // UTF-8 on the wire, as a client that puts U+00A0 into a header would send it.
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bodyBytes);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** Bytes written as they are, for requests no HTTP/1.1 client would send (HTTP/0.9, broken framing). */
    public static Response raw(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** A local loopback address other than 127.0.0.1, e.g. {@code loopback(2)} is 127.0.0.2. */
    public static InetAddress loopback(int lastOctet) {
        try {
            return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) lastOctet});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The body sent with Transfer-Encoding: chunked, so the server cannot know its length in advance. */
    public static Response exchangeChunked(int port, String requestLine, List<String> headerLines, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\nTransfer-Encoding: chunked\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("\r\n");
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            for (int offset = 0; offset < bodyBytes.length; offset += 4096) {
                int length = Math.min(4096, bodyBytes.length - offset);
                request.append(Integer.toHexString(length)).append("\r\n")
                        .append(new String(bodyBytes, offset, length, StandardCharsets.UTF_8)).append("\r\n");
            }
            request.append("0\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before reading the whole body; its answer is still there
            }
            return checked(requestLine, parse(socket.getInputStream().readAllBytes()));
        }
    }

    /** Every answer on the public port must be one docs/openapi.yaml describes. */
    private static Response checked(String requestLine, Response response) {
        String[] parts = requestLine.split(" ");
        if (parts.length >= 2) {
            OpenApiContract.check(parts[0], parts[1], response.status(), response.header("Content-Type"), response.body());
        }
        return response;
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        // An answer without a status line (what an HTTP/0.9 exchange gets) has no status: -1.
        int status = head.startsWith("HTTP/") ? Integer.parseInt(head.split(" ", 3)[1]) : -1;
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, head, body);
    }

    private static String dechunk(String chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String rest = chunked;
        while (true) {
            int lineEnd = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.writeBytes(rest.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.UTF_8));
            rest = rest.substring(lineEnd + 2 + size + 2);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public record Response(int status, String head, String body) {
        /** The first value of the named header, or "" when absent. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
