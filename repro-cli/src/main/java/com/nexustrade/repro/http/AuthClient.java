package com.nexustrade.repro.http;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The transport of the checks: sends what the target's profile ({@link TokenApi}) builds, and the probes' own
 * requests, over the JDK's HttpClient, each with Accept and the --header extras first. Values the JDK client will not
 * send as they are (empty, blank and non-ASCII header values, repeated headers) go through {@link RawHttpClient}, so
 * that they really reach the server byte for byte. The load commands' workers may send their refreshes over a
 * keep-alive socket of their own instead ({@link #refreshSender}): the same requests, for a fraction of the CPU.
 */
public final class AuthClient {

    private final Target target;
    private final HttpClient http;
    private final RawHttpClient raw;

    public AuthClient(Target target) {
        this(target, null);
    }

    /**
     * A client whose completions run on the given executor. Load commands pass a small fixed pool: the JDK's
     * default is an unbounded cached pool, which thousands of in-flight requests would turn into thousands of threads.
     */
    public AuthClient(Target target, Executor executor) {
        this.target = target;
        if (target.insecure()) {
            // Read once when the JDK client's internals load: set it before the first client is built.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the raw probes speak HTTP/1.1; keep every request comparable
                .connectTimeout(target.timeout())
                .sslContext(TlsContexts.forTarget(target.insecure()))
                .followRedirects(HttpClient.Redirect.NEVER); // a redirect to a login page is an answer, not a success
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
        this.raw = new RawHttpClient(target);
    }

    public Target target() {
        return target;
    }

    /** The target's profile: what its login and refresh look like, and how to read their answers. */
    public TokenApi api() {
        return target.api();
    }

    /** The login of the target's profile. */
    public HttpAnswer login(Credentials credentials) {
        return send(api().login(credentials));
    }

    /** One refresh of the target's profile. */
    public HttpAnswer refresh(String refreshToken) {
        return send(api().refresh(refreshToken));
    }

    /** Whether a refresh worked: the profile found a refresh token for the caller to hold. */
    public boolean refreshed(HttpAnswer answer) {
        return successor(answer, "").isPresent();
    }

    /** The profile's reading of a refresh's answer ({@link TokenApi#successor}). */
    public Optional<String> successor(HttpAnswer answer, String presented) {
        return api().successor(answer, presented);
    }

    /**
     * What one load worker sends its refreshes with. JDK: this client, as the load commands sent before the socket
     * existed ({@link #refreshAsync}), the worker waiting for each answer. SOCKET: a keep-alive connection of the
     * worker's own to the profile's refresh URI, plain http only, sending the very request the JDK path sends.
     */
    public RefreshSender refreshSender(HttpTransport transport, ConnectionCounts counts) {
        if (transport == HttpTransport.JDK) {
            return new RefreshSender() {
                @Override
                public HttpAnswer refresh(String refreshToken) {
                    return refreshAsync(refreshToken).join();
                }

                @Override
                public void close() {
                    // the JDK client's pool outlives the worker
                }
            };
        }
        KeepAliveConnection connection = new KeepAliveConnection(api().refreshUri(), target.timeout(), counts);
        return new RefreshSender() {
            @Override
            public HttpAnswer refresh(String refreshToken) {
                return connection.post(withStandardHeaders(api().refresh(refreshToken)));
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    /**
     * A refresh completed on the load commands' two completion threads, as both load commands sent theirs before the
     * socket existed: the jdk transport waits for it, so its figures stay comparable with older runs. Every failure,
     * unreachable target included, becomes a no-answer: under load one refused connection is a data point.
     */
    private CompletableFuture<HttpAnswer> refreshAsync(String refreshToken) {
        HttpRequest request = jdk(withStandardHeaders(api().refresh(refreshToken))).build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null
                        ? HttpAnswer.of(response.statusCode(), response.body(), since(start))
                        : HttpAnswer.noAnswer(TransportFailures.describeAsync(failure, target.timeout()), since(start)));
    }

    public HttpAnswer post(String path, Map<String, String> headers) {
        return send(request(target.uri(path), withStandardHeaders(List.copyOf(headers.entrySet())))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpAnswer get(String path) {
        return send(request(target.uri(path), withStandardHeaders(List.of())).GET());
    }

    /** An empty-bodied POST whose headers are written exactly as given, repeats and odd bytes included. */
    public HttpAnswer postRaw(String path, List<Map.Entry<String, String>> headers) {
        return raw.post(target.uri(path), withStandardHeaders(headers));
    }

    private HttpAnswer send(PostRequest post) {
        return send(jdk(withStandardHeaders(post)));
    }

    private HttpRequest.Builder jdk(PostRequest post) {
        return request(post.uri(), post.headers()).POST(HttpRequest.BodyPublishers.ofString(post.body(), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(URI uri, List<Map.Entry<String, String>> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(target.timeout());
            headers.forEach(h -> builder.header(h.getKey(), h.getValue()));
            return builder;
        } catch (IllegalArgumentException refused) {
            throw new CannotRunException("Cannot send to " + uri + ": " + refused.getMessage() + ".", refused);
        }
    }

    /** The request as it goes out, whichever client sends it: Accept, the --header extras, then its own headers. */
    private PostRequest withStandardHeaders(PostRequest post) {
        return new PostRequest(post.uri(), withStandardHeaders(post.headers()), post.body());
    }

    private List<Map.Entry<String, String>> withStandardHeaders(List<Map.Entry<String, String>> own) {
        List<Map.Entry<String, String>> all = new ArrayList<>(own.size() + target.headers().size() + 1);
        all.add(Map.entry("Accept", "application/json"));
        target.headers().forEach(h -> all.add(Map.entry(h.name(), h.value())));
        all.addAll(own);
        return all;
    }

    private HttpAnswer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return HttpAnswer.of(response.statusCode(), response.body(), since(start));
        } catch (IOException e) {
            return TransportFailures.classify(e, request.uri(), target.timeout(), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted while waiting for " + request.uri() + ".", e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
