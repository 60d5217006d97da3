package com.nexustrade.repro.replica;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A front for any HTTP server (the incident replica, the service) that closes connections the way real servers and
 * proxies do: it answers in HTTP/1.0 and closes, says Connection: close on every answer, closes after so many requests
 * on a connection (as nginx's keepalive_requests does, saying so on the last answer), or closes a connection that sat
 * idle longer than a limit, without a word. Requests are passed on to the server behind it as they came.
 */
public final class ClosingFront implements AutoCloseable {

    /** How the front closes connections. */
    public record Closing(String name, int requestsPerConnection, Duration idleLimit, boolean answersHttp10, boolean sayClose) {

        /** HTTP/1.0 answers with a Content-Length and no Connection header, the connection closed after each. */
        public static Closing http10() {
            return new Closing("http10", 1, null, true, false);
        }

        /** HTTP/1.1 answers with Connection: close, the connection closed after each. */
        public static Closing connectionClose() {
            return new Closing("connection-close", 1, null, false, true);
        }

        /** Keep-alive for n requests, the last answer saying Connection: close (nginx's keepalive_requests). */
        public static Closing afterRequests(int n) {
            return new Closing("keepalive-requests=" + n, n, null, false, true);
        }

        /** Keep-alive, but a connection idle longer than the limit is closed without a word (an idle timeout). */
        public static Closing idleAfter(Duration limit) {
            return new Closing("idle=" + limit.toMillis() + "ms", Integer.MAX_VALUE, limit, false, false);
        }

        /** "http10", "connection-close", "keepalive-requests=N" or "idle=MS", as ReplicaMain takes it. */
        public static Closing parse(String text) {
            if (text.startsWith("keepalive-requests=")) {
                return afterRequests(Integer.parseInt(text.substring("keepalive-requests=".length())));
            }
            if (text.startsWith("idle=")) {
                return idleAfter(Duration.ofMillis(Long.parseLong(text.substring("idle=".length()))));
            }
            return switch (text) {
                case "http10" -> http10();
                case "connection-close" -> connectionClose();
                default -> throw new IllegalArgumentException("unknown closing behaviour '" + text + "'");
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<String> NOT_PASSED_ON = Set.of("host", "connection", "content-length", "keep-alive",
            "transfer-encoding", "upgrade", "expect");

    private final ServerSocket server;
    private final URI backend;
    private final Closing closing;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "closing-front");
        thread.setDaemon(true);
        return thread;
    });
    /** The server behind serves a few requests at a time (the replica 16): the rest wait here, not in its backlog. */
    private final Semaphore backendSlots = new Semaphore(16);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public ClosingFront(String backendBaseUrl, Closing closing) {
        this.backend = URI.create(backendBaseUrl);
        this.closing = closing;
        try {
            server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "closing-front-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far. */
    public long connections() {
        return accepted.get();
    }

    /** Requests read so far. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int served = 1; served <= closing.requestsPerConnection(); served++) {
                if (closing.idleLimit() != null && !awaitRequest(socket, in)) {
                    return; // idle too long: closed without a word
                }
                String requestLine = line(in);
                if (requestLine == null) {
                    return; // the client closed it
                }
                List<Map.Entry<String, String>> headers = new ArrayList<>(); // repeats kept: the probes send some
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.add(Map.entry(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
                }
                int length = Integer.parseInt(headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                        .map(Map.Entry::getValue).findFirst().orElse("0"));
                byte[] body = in.readNBytes(length);
                requests.incrementAndGet();
                HttpResponse<byte[]> answer = passOn(requestLine, headers, body);
                boolean last = served == closing.requestsPerConnection();
                out.write(head(answer, last).getBytes(StandardCharsets.ISO_8859_1));
                out.write(answer.body());
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away, or the front is closing
        }
    }

    /**
     * Whether a request comes within the idle limit. A request already on its way when the limit passes is still
     * served: the race of an idle timeout with a request is the unit tests' (KeepAliveConnectionTest), not this front's.
     */
    private boolean awaitRequest(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout((int) closing.idleLimit().toMillis());
        try {
            in.mark(1);
            int first = in.read();
            in.reset();
            return first != -1;
        } catch (SocketTimeoutException idle) {
            return in.available() > 0;
        } finally {
            socket.setSoTimeout(0);
        }
    }

    private HttpResponse<byte[]> passOn(String requestLine, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException, InterruptedException {
        String[] parts = requestLine.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(parts[1]))
                .method(parts[0], body.length == 0 && parts[0].equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : headers) {
            if (!NOT_PASSED_ON.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                try {
                    request.header(header.getKey(), header.getValue());
                } catch (IllegalArgumentException oddValue) {
                    // the JDK client sends no odd value: the server behind sees a made-up one, which it must refuse
                    request.header(header.getKey(), "(" + header.getValue().length() + " odd characters)");
                }
            }
        }
        backendSlots.acquire();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            backendSlots.release();
        }
    }

    private String head(HttpResponse<byte[]> answer, boolean last) {
        StringBuilder head = new StringBuilder(closing.answersHttp10() ? "HTTP/1.0 " : "HTTP/1.1 ")
                .append(answer.statusCode()).append(" Answer\r\n");
        answer.headers().firstValue("Content-Type").ifPresent(type -> head.append("Content-Type: ").append(type).append("\r\n"));
        head.append("Content-Length: ").append(answer.body().length).append("\r\n");
        if (closing.sayClose() && last) {
            head.append("Connection: close\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** A line without its CRLF; null when the stream ended before one began. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
