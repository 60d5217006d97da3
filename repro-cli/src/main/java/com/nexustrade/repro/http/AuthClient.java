package com.nexustrade.repro.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The requests the checks send, over the JDK's HttpClient. Values the JDK client will not send as they are
 * (empty, blank and non-ASCII header values, repeated headers) go through {@link RawHttpClient}, so that they
 * really reach the server byte for byte. The load commands' workers may send their refreshes over a keep-alive socket
 * of their own instead ({@link #refreshSender}): the same requests, built here, for a fraction of the CPU.
 */
public final class AuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The login of the target's token API: JSON to the login path, or the password grant. */
    public HttpAnswer login(Credentials credentials) {
        return send(jdk(loginPost(credentials)));
    }

    /** One refresh of the target's token API. */
    public HttpAnswer refresh(String refreshToken) {
        return send(jdk(refreshPost(refreshToken)));
    }

    /**
     * Whether a refresh worked: 200 with an access token, and a successor refresh token unless the profile lets the
     * server keep the old one (RFC 6749 §6: it MAY issue a new one). Our contract always issues one.
     */
    public boolean refreshed(HttpAnswer answer) {
        return successor(answer, "").isPresent();
    }

    /**
     * The refresh token the caller holds after a successful refresh (the successor, or the one it presented when
     * the profile allows keeping it); empty when the refresh did not work. Parses the body once: load runs call
     * this for every answer.
     */
    public Optional<String> successor(HttpAnswer answer, String presented) {
        if (answer.status() != 200) {
            return Optional.empty();
        }
        JsonNode body = answer.json();
        if (!nonEmptyText(body, "access_token")) {
            return Optional.empty();
        }
        if (nonEmptyText(body, "refresh_token")) {
            return Optional.of(body.get("refresh_token").asText());
        }
        return target.api() instanceof TokenApi.OAuth2 ? Optional.of(presented) : Optional.empty();
    }

    private static boolean nonEmptyText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty();
    }

    /** The login as the report shows it, password hidden. */
    public String describeLogin(String username) {
        if (target.api() instanceof TokenApi.OAuth2 oauth2) {
            return "POST " + oauth2.tokenEndpoint().getRawPath() + " grant_type=password&username=" + username
                    + "&password=(hidden)" + clientPart(oauth2);
        }
        return "POST " + target.paths().login() + " {\"username\":\"" + username + "\",\"password\":(hidden)}";
    }

    /** A refresh as the report shows it, with the token as the caller chose to show it. */
    public String describeRefresh(String shownToken) {
        if (target.api() instanceof TokenApi.OAuth2 oauth2) {
            return "POST " + oauth2.tokenEndpoint().getRawPath() + " grant_type=refresh_token&refresh_token=" + shownToken
                    + clientPart(oauth2);
        }
        return "POST " + target.paths().refresh() + " {\"refresh_token\":\"" + shownToken + "\"}";
    }

    /** Where logins go, for the sentence that says a login was refused. */
    public URI loginUri() {
        return target.api() instanceof TokenApi.OAuth2 oauth2 ? oauth2.tokenEndpoint() : target.uri(target.paths().login());
    }

    /** Where refreshes go: the refresh path, or the token endpoint. Its scheme decides what the load workers can send over. */
    public URI refreshUri() {
        return target.api() instanceof TokenApi.OAuth2 oauth2 ? oauth2.tokenEndpoint() : target.uri(target.paths().refresh());
    }

    /**
     * What one load worker sends its refreshes with. JDK: this client, as the load commands sent before the socket
     * existed ({@link #refreshAsync}), the worker waiting for each answer. SOCKET: a keep-alive connection of the
     * worker's own to {@link #refreshUri}, plain http only, sending the very request the JDK path sends
     * ({@link #refreshPost}).
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
        KeepAliveConnection connection = new KeepAliveConnection(refreshUri(), target.timeout(), counts);
        return new RefreshSender() {
            @Override
            public HttpAnswer refresh(String refreshToken) {
                return connection.post(refreshPost(refreshToken));
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private static String clientPart(TokenApi.OAuth2 oauth2) {
        if (oauth2.clientSecret() != null) {
            return " (client " + oauth2.clientId() + " authenticated by HTTP Basic)";
        }
        return oauth2.clientId() == null ? "" : "&client_id=" + oauth2.clientId();
    }

    private PostRequest loginPost(Credentials credentials) {
        if (target.api() instanceof TokenApi.OAuth2 oauth2) {
            return form(oauth2, Map.of("grant_type", "password", "username", credentials.username(),
                    "password", credentials.password()));
        }
        return json(target.paths().login(), Map.of("username", credentials.username(), "password", credentials.password()));
    }

    private PostRequest refreshPost(String refreshToken) {
        if (target.api() instanceof TokenApi.OAuth2 oauth2) {
            return form(oauth2, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        }
        return json(target.paths().refresh(), Map.of("refresh_token", refreshToken));
    }

    /** RFC 6749: form-encoded, client_id in the body for public clients, and HTTP Basic when there is a secret. */
    private PostRequest form(TokenApi.OAuth2 oauth2, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(new TreeMap<>(fields));
        if (oauth2.clientId() != null && oauth2.clientSecret() == null) {
            all.put("client_id", oauth2.clientId()); // a public client names itself in the body (RFC 6749 §3.2.1)
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (oauth2.clientSecret() != null) {
            // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined and base64-encoded.
            String pair = formEncode(oauth2.clientId()) + ":" + formEncode(oauth2.clientSecret());
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String body = all.entrySet().stream().map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new PostRequest(oauth2.tokenEndpoint(), withStandardHeaders(headers), body);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PostRequest json(String path, Map<String, ?> body) {
        try {
            return new PostRequest(target.uri(path), withStandardHeaders(Map.of("Content-Type", "application/json")),
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * A refresh completed on the load commands' two completion threads, as both load commands sent theirs before the
     * socket existed: the jdk transport waits for it, so its figures stay comparable with older runs. Every failure,
     * unreachable target included, becomes a no-answer: under load one refused connection is a data point.
     */
    private CompletableFuture<HttpAnswer> refreshAsync(String refreshToken) {
        HttpRequest request = jdk(refreshPost(refreshToken)).build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null
                        ? HttpAnswer.of(response.statusCode(), response.body(), since(start))
                        : HttpAnswer.noAnswer(TransportFailures.describeAsync(failure, target.timeout()), since(start)));
    }

    public HttpAnswer postJson(String path, Map<String, ?> body) {
        return send(jdk(json(path, body)));
    }

    public HttpAnswer post(String path, Map<String, String> headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpAnswer get(String path) {
        return send(request(path, Map.of()).GET());
    }

    /** An empty-bodied POST whose headers are written exactly as given, repeats and odd bytes included. */
    public HttpAnswer postRaw(String path, List<Map.Entry<String, String>> headers) {
        return raw.post(target.uri(path), withStandardHeaders(headers));
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        return request(target.uri(path), withStandardHeaders(headers));
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

    /** What every request carries, in this order, whichever client sends it: Accept, the --header extras, its own. */
    private List<Map.Entry<String, String>> withStandardHeaders(Map<String, String> own) {
        return withStandardHeaders(List.copyOf(own.entrySet()));
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
