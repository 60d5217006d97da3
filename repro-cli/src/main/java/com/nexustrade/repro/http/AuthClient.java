package com.nexustrade.repro.http;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Credentials;
import com.nexustrade.repro.dpop.Possession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The transport of the checks: sends what the target's profile ({@link TokenApi}) builds, and the probes' own
 * requests, each with Accept and the --header extras first, over repro's own HTTP/1.1 client ({@link Http1Client}).
 * Logins and probes are safe to send twice, so one whose connection closed before answering is sent once more; a
 * refresh never is (a second send is a reuse under strict rotation). The load commands' workers send their refreshes
 * over a keep-alive connection of their own each, or, with --http-client jdk, over the JDK's HttpClient
 * ({@link #refreshSender}): the same requests either way.
 */
public final class AuthClient {

    private final Target target;
    private final Executor executor;
    private final Http1Client client;
    private final DPoPExchange dpop = new DPoPExchange();
    private volatile ServerMetadata metadata;
    private HttpClient jdk;

    public AuthClient(Target target) {
        this(target, null);
    }

    /**
     * A client whose completions run on the given executor. Load commands pass a small fixed pool: the JDK's
     * default is an unbounded cached pool, which thousands of in-flight requests would turn into thousands of threads.
     */
    public AuthClient(Target target, Executor executor) {
        this.target = target;
        this.executor = executor;
        this.client = new Http1Client(target.timeout(), target.insecure());
    }

    public Target target() {
        return target;
    }

    /** The target's profile: what its login and refresh look like, and how to read their answers. */
    public TokenApi api() {
        return target.api();
    }

    /** The login of the target's profile; sent once more if the connection closed before answering. */
    public HttpAnswer login(Credentials credentials) {
        return login(credentials, Possession.none());
    }

    /** A login with a DPoP proof from the holder's key, when it has one: the session is bound to that key. */
    public HttpAnswer login(Credentials credentials, Possession holder) {
        URI htu = holder.thumbprint().isPresent() ? api().loginHtu(metadata()) : null;
        return dpop.send(api().login(credentials), holder, htu,
                request -> client.send(withStandardHeaders(request), KeepAliveConnection.Resend.ONCE_IF_CLOSED));
    }

    /** One refresh of the target's profile, never sent twice. */
    public HttpAnswer refresh(String refreshToken) {
        return refresh(refreshToken, Possession.none());
    }

    /** One refresh with a fresh DPoP proof from the holder's key, when it has one; never sent twice. */
    public HttpAnswer refresh(String refreshToken, Possession holder) {
        return dpop.send(api().refresh(refreshToken), holder, refreshHtu(holder),
                request -> client.send(withStandardHeaders(request), KeepAliveConnection.Resend.NEVER));
    }

    /**
     * The target's RFC 8414 metadata, asked for once: whether it takes DPoP, and the name it knows itself by, which
     * proofs must carry. A target without metadata (404, not JSON) has none.
     */
    public ServerMetadata metadata() {
        ServerMetadata known = metadata;
        if (known == null) {
            synchronized (this) {
                if (metadata == null) {
                    metadata = ServerMetadata.of(get(ServerMetadata.PATH));
                }
                known = metadata;
            }
        }
        return known;
    }

    /** How many of the server's use_dpop_nonce refusals were answered with a proof carrying its nonce. */
    public long nonceChallengesAnswered() {
        return dpop.challengesAnswered();
    }

    /** The evidence line of a run whose sessions are bound: what the proofs name, and the nonce challenges met. */
    public String proofEvidence() {
        URI htu = api().refreshHtu(metadata());
        boolean renamed = !htu.equals(api().refreshUri());
        long challenges = nonceChallengesAnswered();
        return "DPoP: every login and refresh carries a fresh ES256 proof (own jti) from its session's P-256 key; refresh"
                + " proofs name htu " + htu + (renamed ? " (the target's name for itself in its metadata)" : "")
                + "; " + challenges + " use_dpop_nonce challenge" + (challenges == 1 ? "" : "s") + " answered";
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
     * What one load worker sends its refreshes with. JDK: the JDK's HttpClient, as the load commands sent before
     * the socket existed ({@link #refreshAsync}), the worker waiting for each answer. SOCKET: a keep-alive connection of
     * the worker's own to the profile's refresh URI, sending the very request the JDK path sends. Neither resends a
     * refresh; every failure, unreachable target included, is a no-answer: under load it is a data point.
     */
    public RefreshSender refreshSender(HttpTransport transport, ConnectionCounts counts) {
        if (transport == HttpTransport.JDK) {
            jdkClient(); // built now, as the worker starts, not at its first refresh, which the clock is running for
            return new RefreshSender() {
                @Override
                public HttpAnswer refresh(String refreshToken, Possession holder) {
                    return dpop.send(api().refresh(refreshToken), holder, refreshHtu(holder),
                            request -> refreshAsync(request).join());
                }

                @Override
                public void close() {
                    // the JDK client's pool outlives the worker
                }
            };
        }
        KeepAliveConnection connection = new KeepAliveConnection(api().refreshUri(), target.timeout(), target.insecure(), counts);
        return new RefreshSender() {
            @Override
            public HttpAnswer refresh(String refreshToken, Possession holder) {
                return dpop.send(api().refresh(refreshToken), holder, refreshHtu(holder), this::exchange);
            }

            private HttpAnswer exchange(Request request) {
                long start = System.nanoTime();
                try {
                    Http1AnswerReader.Answer answer = connection.exchange(withStandardHeaders(request),
                            KeepAliveConnection.Resend.NEVER);
                    return HttpAnswer.of(answer.status(), answer.headers(), answer.body(), since(start));
                } catch (IOException e) {
                    return HttpAnswer.noAnswer(TransportFailures.describeLoad(e, target.timeout()), since(start));
                }
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
    private CompletableFuture<HttpAnswer> refreshAsync(Request refresh) {
        HttpRequest request = jdk(withStandardHeaders(refresh)).build();
        long start = System.nanoTime();
        return jdkClient().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null
                        ? HttpAnswer.of(response.statusCode(), firstValues(response.headers()), response.body(), since(start))
                        : HttpAnswer.noAnswer(TransportFailures.describeAsync(failure, target.timeout()), since(start)));
    }

    private static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> first = new HashMap<>();
        headers.map().forEach((name, values) -> first.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return first;
    }

    /** The htu of a refresh's proof; only a holder with a key needs one, and only then is the metadata asked for. */
    private URI refreshHtu(Possession holder) {
        return holder.thumbprint().isPresent() ? api().refreshHtu(metadata()) : null;
    }

    /** A probe: an empty-bodied POST whose headers are written exactly as given, repeats and odd bytes included. */
    public HttpAnswer post(String path, List<Map.Entry<String, String>> headers) {
        return client.send(withStandardHeaders(Request.post(target.uri(path), headers, "")), KeepAliveConnection.Resend.ONCE_IF_CLOSED);
    }

    public HttpAnswer get(String path) {
        return client.send(withStandardHeaders(Request.get(target.uri(path), List.of())), KeepAliveConnection.Resend.ONCE_IF_CLOSED);
    }

    /** How this client's connections went: opened, found closed, requests sent again. */
    public ConnectionCounts connections() {
        return client.counts();
    }

    /**
     * The JDK's client, built at the first refresh that asks for it. Its completions run on the load command's
     * executor: the JDK's default is an unbounded cached pool, which thousands of in-flight requests would turn into
     * thousands of threads.
     */
    private synchronized HttpClient jdkClient() {
        if (jdk == null) {
            if (target.insecure()) {
                // Read once when the JDK client's internals load: set it before the first client is built.
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            }
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // as repro's own client: keep every request comparable
                    .connectTimeout(target.timeout())
                    .sslContext(TlsContexts.forTarget(target.insecure()))
                    .followRedirects(HttpClient.Redirect.NEVER); // a redirect to a login page is an answer, not a success
            if (executor != null) {
                builder.executor(executor);
            }
            jdk = builder.build();
        }
        return jdk;
    }

    private HttpRequest.Builder jdk(Request post) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(post.uri()).timeout(target.timeout());
            post.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
            return builder.POST(HttpRequest.BodyPublishers.ofString(post.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            throw new CannotRunException("Cannot send to " + post.uri() + ": " + refused.getMessage() + ".", refused);
        }
    }

    /** The request as it goes out, whichever client sends it: Accept, the --header extras, then its own headers. */
    private Request withStandardHeaders(Request request) {
        List<Map.Entry<String, String>> first = new ArrayList<>(target.headers().size() + 1);
        first.add(Map.entry("Accept", "application/json"));
        target.headers().forEach(h -> first.add(Map.entry(h.name(), h.value())));
        return request.withHeadersFirst(first);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
