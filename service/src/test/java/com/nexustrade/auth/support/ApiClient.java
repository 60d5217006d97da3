package com.nexustrade.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain JDK HTTP client over real sockets: what a mobile app or QA tool would send. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final int port;
    private final boolean publicPort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A client of the public port: every answer it receives is checked against docs/openapi.yaml. */
    public ApiClient(int port) {
        this(port, true);
    }

    private ApiClient(int port, boolean publicPort) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.port = port;
        this.publicPort = publicPort;
    }

    /** A client of the admin port, which the OpenAPI document does not describe. */
    public static ApiClient admin(int port) {
        return new ApiClient(port, false);
    }

    public Reply login(String username, String password) {
        return postJson("/auth/login", Map.of("username", username, "password", password));
    }

    public Reply refresh(String refreshToken) {
        return postJson("/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    public Reply logout(String refreshToken) {
        return postJson("/auth/logout", Map.of("refresh_token", refreshToken));
    }

    /** Login with a {@code DPoP} proof header (RFC 9449): the session is bound to the proof's key. */
    public Reply login(String username, String password, String dpopProof) {
        return postJson("/auth/login", Map.of("username", username, "password", password), dpopProof);
    }

    public Reply refresh(String refreshToken, String dpopProof) {
        return postJson("/auth/refresh", Map.of("refresh_token", refreshToken), dpopProof);
    }

    /** {@code Authorization: DPoP <token>} with its proof. */
    public Reply meWithDPoP(String accessToken, String dpopProof) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/auth/me")).header("Authorization", "DPoP " + accessToken).GET();
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        return send(request);
    }

    public Reply postJson(String path, Object body, String dpopProof) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (dpopProof != null) {
                request.header("DPoP", dpopProof);
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply postForm(String path, String form, String dpopProof) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        return send(request);
    }

    public Reply me(String accessToken) {
        return send(HttpRequest.newBuilder(uri("/auth/me")).header("Authorization", "Bearer " + accessToken).GET());
    }

    public Reply postJson(String path, Object body) {
        try {
            return post(path, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
            if (publicPort && built.uri().getPort() == port) {
                String query = built.uri().getRawQuery();
                OpenApiContract.check(built.method(), built.uri().getRawPath() + (query == null ? "" : "?" + query),
                        reply.status(), reply.contentType(), reply.body());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** One HTTP answer with its JSON body parsed on demand. */
    public record Reply(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }
}
