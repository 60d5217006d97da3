package com.nexustrade.repro.http;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a plain or TLS socket, headers written byte for byte (ISO-8859-1, as HTTP/1.1
 * field values are). The JDK client rightly refuses to send a repeated or malformed header, but attackers'
 * clients do not, and the service must refuse such requests: this is how the probes get them to it.
 */
final class RawHttpClient {

    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final Target target;

    RawHttpClient(Target target) {
        this.target = target;
    }

    HttpAnswer post(URI uri, List<Map.Entry<String, String>> headers) {
        long start = System.nanoTime();
        try (Socket socket = connect(uri)) {
            socket.getOutputStream().write(requestBytes(uri, headers));
            socket.getOutputStream().flush();
            byte[] response = readAll(socket.getInputStream());
            return parse(response, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return TransportFailures.classify(e, uri, target.timeout(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Socket connect(URI uri) throws IOException {
        Socket plain = Http1Sockets.connect(uri, target.timeout());
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return plain;
        }
        SSLSocket socket = (SSLSocket) TlsContexts.forTarget(target.insecure()).getSocketFactory()
                .createSocket(plain, uri.getHost(), Http1Sockets.port(uri), true);
        if (!target.insecure()) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // SSLSocket does not check the host name by default
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }

    /** The headers come complete from {@link AuthClient}: Accept, the --header extras, then the probe's own. */
    private static byte[] requestBytes(URI uri, List<Map.Entry<String, String>> headers) {
        StringBuilder request = Http1Sockets.requestHead("POST", uri, headers);
        // Connection: close lets the answer be read to the end of the stream, whatever its framing.
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        return request.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1 && out.size() < MAX_RESPONSE_BYTES; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static HttpAnswer parse(byte[] response, Duration elapsed) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String[] statusLine = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ", 3);
        if (headerEnd < 0 || statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return HttpAnswer.noAnswer("not an HTTP response (" + response.length + " bytes)", elapsed);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            return HttpAnswer.noAnswer("unreadable status line '" + String.join(" ", statusLine) + "'", elapsed);
        }
        boolean chunked = text.substring(0, headerEnd).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
        byte[] body = Arrays.copyOfRange(response, headerEnd + 4, response.length);
        return HttpAnswer.of(status, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8), elapsed);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int position = 0;
        while (position < text.length()) {
            int lineEnd = text.indexOf("\r\n", position);
            if (lineEnd < 0) {
                break;
            }
            int size = chunkSize(text.substring(position, lineEnd));
            if (size == 0) {
                break;
            }
            int end = Math.min(chunked.length, lineEnd + 2 + size);
            out.write(chunked, lineEnd + 2, end - lineEnd - 2);
            position = end + 2;
        }
        return out.toByteArray();
    }

    /** A malformed size ends the body: what was read so far is still evidence. */
    private static int chunkSize(String line) {
        try {
            return Integer.parseInt(line.split(";", 2)[0].trim(), 16);
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }
}
