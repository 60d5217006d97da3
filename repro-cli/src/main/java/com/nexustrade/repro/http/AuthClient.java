package com.nexustrade.repro.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.CannotRunException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The requests the checks send, over the JDK's HttpClient. Values the JDK client will not send as they are
 * (empty, blank and non-ASCII header values, repeated headers) go through {@link RawHttpClient}, so that they
 * really reach the server byte for byte.
 */
public final class AuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final HttpClient http;
    private final RawHttpClient raw;

    public AuthClient(Target target) {
        this.target = target;
        if (target.insecure()) {
            // Read once when the JDK client's internals load: set it before the first client is built.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        }
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the raw probes speak HTTP/1.1; keep every request comparable
                .connectTimeout(target.timeout())
                .sslContext(TlsContexts.forTarget(target.insecure()))
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect to a login page is an answer, not a success
                .build();
        this.raw = new RawHttpClient(target);
    }

    public Target target() {
        return target;
    }

    public HttpAnswer postJson(String path, Map<String, ?> body) {
        try {
            return send(request(path, Map.of("Content-Type", "application/json"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    public HttpAnswer post(String path, Map<String, String> headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpAnswer get(String path) {
        return send(request(path, Map.of()).GET());
    }

    /** An empty-bodied POST whose headers are written exactly as given, repeats and odd bytes included. */
    public HttpAnswer postRaw(String path, List<Map.Entry<String, String>> headers) {
        return raw.post(target.uri(path), headers);
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        URI uri = target.uri(path);
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(target.timeout())
                    .header("Accept", "application/json");
            target.headers().forEach(h -> builder.header(h.name(), h.value()));
            headers.forEach(builder::header);
            return builder;
        } catch (IllegalArgumentException refused) {
            throw new CannotRunException("Cannot send to " + uri + ": " + refused.getMessage() + ".", refused);
        }
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
