package com.nexustrade.repro.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 server that behaves exactly as a test scripts it, to show how a client copes with what real servers
 * do now and then: chunked answers, Connection: close, an idle connection closed, an answer cut off. It takes one
 * connection at a time, runs the next script on it, closes it, and records every request it read, in order, so a
 * test can see whether a request reached it twice.
 */
final class ScriptedServer implements AutoCloseable {

    /** A request as it arrived: request line, headers (names in lower case), body. */
    record Request(String line, Map<String, String> headers, String body) {
    }

    /** What the server does on one connection. */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws Exception;
    }

    /** One accepted connection, as a script sees it. */
    final class Connection {
        private final InputStream in;
        private final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads one request (head, then a body of its Content-Length), records it and returns its body. */
        String read() throws IOException {
            String line = line();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Request request = new Request(line, headers, new String(body, StandardCharsets.UTF_8));
            synchronized (requests) {
                requests.add(request);
            }
            return request.body();
        }

        /** Writes these bytes as they are: a whole answer, part of one, or anything else. */
        void write(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** A complete keep-alive answer with a Content-Length. */
        void answer(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + json);
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("the client closed the connection in the middle of a request");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    private final ServerSocket server;
    private final List<Request> requests = new ArrayList<>();
    private final Semaphore closedConnections = new Semaphore(0);
    private final CompletableFuture<Void> done;

    /** Starts serving: the first accepted connection gets the first script, and so on. */
    ScriptedServer(Script... scripts) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        done = new CompletableFuture<>();
        Thread serving = new Thread(() -> {
            try {
                for (Script script : scripts) {
                    try (Socket socket = server.accept()) {
                        script.run(new Connection(socket));
                    } finally {
                        closedConnections.release();
                    }
                }
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }, "scripted-server");
        serving.setDaemon(true);
        serving.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Returns once the server has closed this many connections (counting from the first). */
    void awaitClosedConnections(int count) throws InterruptedException {
        if (!closedConnections.tryAcquire(count, 10, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not close " + count + " connections within 10 s");
        }
        closedConnections.release(count);
    }

    /** Every request read, in order; waits for all scripts to end, so that a late duplicate would show here. */
    List<Request> requests() throws InterruptedException, ExecutionException, TimeoutException {
        done.get(10, TimeUnit.SECONDS);
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> bodies() throws InterruptedException, ExecutionException, TimeoutException {
        return requests().stream().map(Request::body).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
