package com.nexustrade.repro.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The incident's auth service, bugs included, as the seed's report describes it:
 * <ol>
 *   <li>refresh is not atomic: find the token (valid) ... race window ... mark the user's refresh tokens revoked,
 *       create a new one. Callers inside the window all get 200 with different successors, of which only the last
 *       survives; callers after it get 401 invalid_grant (revoked); and there is no grace: the app's retries of the
 *       old token all get 401 (revoked);</li>
 *   <li>the access token, properly ES256-signed and listed in a JWKS, has no roles, permissions or tenant_id;</li>
 *   <li>service_auth only asks whether X-Internal-Service is present: empty, blank or unknown ids get a token.</li>
 * </ol>
 * {@link #serialised()} handles one request at a time, which gives the incident log's exact picture:
 * the first of three concurrent refreshes wins, the other two get hard 401s.
 */
public final class IncidentReplica implements AutoCloseable {

    public static final String USERNAME = "trader1";
    public static final String PASSWORD = "replica-password";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A refresh token row: whose it is and whether it was revoked. */
    private static final class RefreshToken {
        final String username;
        volatile boolean revoked;

        RefreshToken(String username) {
            this.username = username;
        }
    }

    /** How the replica signs access tokens: genuinely, or in the two ways a verifier must catch. */
    public enum Signing {
        GENUINE,
        /** Signed with a key other than the one the JWKS publishes under the same kid. */
        FOREIGN_KEY,
        /** alg none and no signature. */
        UNSIGNED
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration raceWindow;
    private final boolean jwks;
    private final Es256Signer signer = new Es256Signer("replica-key-1");
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new ArrayList<>();
    private final Set<String> seenHeaders = ConcurrentHashMap.newKeySet();

    private final Signing signing;
    private final Es256Signer foreignSigner = new Es256Signer("replica-key-1");

    /** Set only in {@link #graceWithoutBinding()} and {@link #busyOnFirstTry()}: refreshes rotate there, and the racy refresh is not used. */
    private final GraceRotation grace;
    /** Refresh tokens already answered 503 once, in {@link #busyOnFirstTry()}; null elsewhere. */
    private final Set<String> answeredBusy;

    private IncidentReplica(int threads, Duration raceWindow, boolean jwks, SSLContext tls) {
        this(threads, raceWindow, jwks, tls, Signing.GENUINE, null);
    }

    private IncidentReplica(int threads, Duration raceWindow, boolean jwks, SSLContext tls, Signing signing,
                            GraceRotation grace) {
        this(threads, raceWindow, jwks, tls, signing, grace, null);
    }

    private IncidentReplica(int threads, Duration raceWindow, boolean jwks, SSLContext tls, Signing signing,
                            GraceRotation grace, Set<String> answeredBusy) {
        this.answeredBusy = answeredBusy;
        this.raceWindow = raceWindow;
        this.jwks = jwks;
        this.signing = signing;
        this.grace = grace;
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 50);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        Filter recordHeaders = Filter.beforeHandler("records request headers",
                exchange -> exchange.getRequestHeaders().forEach((name, values) -> seenHeaders.add(name + ": " + values)));
        server.createContext("/auth/login", this::login).getFilters().add(recordHeaders);
        server.createContext("/auth/refresh", this::refresh).getFilters().add(recordHeaders);
        server.createContext("/auth/service_auth", this::serviceAuth).getFilters().add(recordHeaders);
        server.createContext("/.well-known/jwks.json", this::jwks).getFilters().add(recordHeaders);
        if (grace != null) {
            server.createContext("/.well-known/oauth-authorization-server", this::metadata);
        }
        server.start();
    }

    /** Many request threads and a 50 ms window between reading and revoking the token. */
    public static IncidentReplica racy() {
        return new IncidentReplica(16, Duration.ofMillis(50), true, null);
    }

    /** The racy replica, its access tokens signed as given. */
    public static IncidentReplica signing(Signing signing) {
        return new IncidentReplica(16, Duration.ofMillis(50), true, null, signing, null);
    }

    /**
     * Incident 04 fixed but the grace window left open to thieves ({@link GraceRotation}): atomic rotation with a grace
     * window, DPoP advertised in its metadata and stamped into the access tokens of a login with a proof, proofs of
     * refreshes ignored, so the successor goes to whoever presents the predecessor inside the window.
     */
    public static IncidentReplica graceWithoutBinding() {
        return new IncidentReplica(16, Duration.ZERO, true, null, Signing.GENUINE, new GraceRotation());
    }

    /**
     * A fixed service (rotation with a grace window, as {@link #graceWithoutBinding()}) that answers the first refresh
     * of every refresh token 503 with {@code Retry-After: 1}, as a busy server does: a client that keeps the token and
     * sends it again after the delay gets its successor; one that takes the 503 for a refusal gives up.
     */
    public static IncidentReplica busyOnFirstTry() {
        return new IncidentReplica(16, Duration.ZERO, true, null, Signing.GENUINE, new GraceRotation(),
                ConcurrentHashMap.newKeySet());
    }

    /** The racy replica over https, with the certificate of the given context (self-signed in tests). */
    public static IncidentReplica racyOverTls(SSLContext tls) {
        return new IncidentReplica(16, Duration.ofMillis(50), true, tls);
    }

    /** One request at a time, no window: first wins, the others find the token revoked. */
    public static IncidentReplica serialised() {
        return new IncidentReplica(1, Duration.ZERO, true, null);
    }

    /** Like the racy replica, but with no JWKS endpoint, as the old service had none. */
    public static IncidentReplica withoutJwks() {
        return new IncidentReplica(16, Duration.ofMillis(50), false, null);
    }

    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every access and refresh token handed out, to prove none appears unredacted in reports. */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /** Every request header seen, as "Name: [values]", to prove options like --header reach the server. */
    public Set<String> seenHeaders() {
        return Set.copyOf(seenHeaders);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode body = readJson(exchange);
        if (!USERNAME.equals(body.path("username").asText()) || !PASSWORD.equals(body.path("password").asText())) {
            send(exchange, 401, json("error", "invalid_credentials", "error_description", "Invalid username or password"));
            return;
        }
        if (grace == null) {
            send(exchange, 200, tokenPair(USERNAME));
            return;
        }
        GraceRotation.Family family = new GraceRotation.Family(USERNAME,
                GraceRotation.thumbprintOf(exchange.getRequestHeaders().getFirst("DPoP")));
        String refreshToken = randomToken();
        grace.issued(refreshToken, family);
        send(exchange, 200, tokenPair(family, refreshToken));
    }

    private void refresh(HttpExchange exchange) throws IOException {
        String presented = refreshTokenOf(exchange);
        if (answeredBusy != null && presented != null && answeredBusy.add(presented)) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(exchange, 503, json("error", "temporarily_unavailable", "error_description", "Busy; send it again."));
            return;
        }
        if (grace != null) {
            var handout = grace.rotate(presented, IncidentReplica::randomToken);
            if (handout.isPresent()) {
                send(exchange, 200, tokenPair(handout.get().family(), handout.get().successor()));
            } else {
                send(exchange, 401, invalidGrant("reuse_detected"));
            }
            return;
        }
        RefreshToken found = presented == null ? null : refreshTokens.get(presented);   // 1. find the token
        if (found == null) {
            send(exchange, 401, invalidGrant("unknown"));
            return;
        }
        if (found.revoked) {
            send(exchange, 401, invalidGrant("revoked"));
            return;
        }
        pause(raceWindow);                                                                // the race window
        Map<String, Object> pair;
        synchronized (refreshTokens) {                                                    // one DB transaction:
            refreshTokens.values().stream().filter(t -> t.username.equals(found.username)) // 2. mark revoked
                    .forEach(t -> t.revoked = true);
            pair = tokenPair(found.username);                                             // 3. create a new one
        }
        send(exchange, 200, pair);                                                        // 4. return it
    }

    private void serviceAuth(HttpExchange exchange) throws IOException {
        String service = exchange.getRequestHeaders().getFirst("X-Internal-Service");
        if (service == null) { // the bug: present is enough, even empty
            send(exchange, 401, json("error", "invalid_client", "error_description", "Missing X-Internal-Service"));
            return;
        }
        long now = Instant.now().getEpochSecond();
        String token = signer.sign(jwtHeader(),
                json("sub", "service:" + service, "iat", now, "exp", now + 300));
        record(token);
        send(exchange, 200, json("access_token", token, "token_type", "Bearer", "expires_in", 300));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (!jwks) {
            send(exchange, 404, json("error", "not_found"));
            return;
        }
        send(exchange, 200, signer.jwks());
    }

    /** The incident's payload exactly: sub, email, username, iat, exp; no roles, permissions or tenant_id. */
    private Map<String, Object> tokenPair(String username) {
        String refreshToken = randomToken();
        refreshTokens.put(refreshToken, new RefreshToken(username));
        return tokenPair(new GraceRotation.Family(username, null), refreshToken);
    }

    /** The payload plus cnf.jkt when the login named a key; then token_type DPoP. */
    private Map<String, Object> tokenPair(GraceRotation.Family family, String refreshToken) {
        String username = family.username();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "user-" + username);
        claims.put("email", username + "@example.com");
        claims.put("username", username);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        if (family.jkt() != null) {
            claims.put("cnf", Map.of("jkt", family.jkt()));
        }
        String accessToken = switch (signing) {
            case GENUINE -> signer.sign(jwtHeader(), claims);
            case FOREIGN_KEY -> foreignSigner.sign(jwtHeader(), claims);
            case UNSIGNED -> unsigned(claims);
        };
        record(accessToken);
        record(refreshToken);
        return json("access_token", accessToken, "token_type", family.jkt() == null ? "Bearer" : "DPoP", "expires_in", 300,
                "refresh_token", refreshToken);
    }

    /** RFC 8414 metadata that advertises DPoP, as a server that took proofs at login would. */
    private void metadata(HttpExchange exchange) throws IOException {
        send(exchange, 200, json("issuer", baseUrl(), "token_endpoint", baseUrl() + "/oauth2/token",
                "dpop_signing_alg_values_supported", List.of("ES256")));
    }

    private Map<String, Object> jwtHeader() {
        return json("alg", "ES256", "kid", signer.kid(), "typ", "JWT");
    }

    private synchronized void record(String token) {
        issuedTokens.add(token);
    }

    private static String unsigned(Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(JSON.writeValueAsBytes(json("alg", "none", "typ", "JWT"))) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> invalidGrant(String reason) {
        return json("error", "invalid_grant", "error_description", "Invalid refresh token", "reason", reason);
    }

    /** A JSON object with its fields in the order given, so reports read the same on every run. */
    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static String refreshTokenOf(HttpExchange exchange) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && (kv[0].equals("refresh_token") || kv[0].equals("token"))) {
                    return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
            }
            return null;
        }
        JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        return json.path("refresh_token").asText(null);
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration window) {
        if (window.isZero()) {
            return;
        }
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
