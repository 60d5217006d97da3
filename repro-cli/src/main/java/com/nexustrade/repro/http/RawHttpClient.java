package com.nexustrade.repro.http;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request over a plain or TLS socket, headers written byte for byte (ISO-8859-1, as HTTP/1.1
 * field values are). The JDK client rightly refuses to send a repeated or malformed header, but attackers'
 * clients do not, and the service must refuse such requests: this is how the probes get them to it.
 */
final class RawHttpClient {

    private final Target target;

    RawHttpClient(Target target) {
        this.target = target;
    }

    HttpAnswer post(URI uri, List<Map.Entry<String, String>> headers) {
        long start = System.nanoTime();
        try (Socket socket = connect(uri)) {
            socket.getOutputStream().write(requestBytes(uri, headers));
            socket.getOutputStream().flush();
            Http1AnswerReader.Answer answer = Http1AnswerReader.read(new BufferedInputStream(socket.getInputStream()));
            return HttpAnswer.of(answer.status(), answer.body(), Duration.ofNanos(System.nanoTime() - start));
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
        // One request per connection: a probe's odd headers must not leave the server's parser in a state the next reads.
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        return request.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
