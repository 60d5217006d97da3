package com.nexustrade.auth.resources;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.RefreshTokenRequest;
import com.nexustrade.auth.api.TokenResponse;
import com.nexustrade.auth.common.AuthException;
import com.nexustrade.auth.core.TokenService;
import com.nexustrade.auth.dpop.DPoPPolicy;
import com.nexustrade.auth.dpop.ServerNonces;
import com.nexustrade.auth.dpop.UseDPoPNonceException;
import com.nexustrade.auth.errors.AuthExceptionMapper;
import com.nexustrade.auth.errors.UnexpectedExceptionMapper;
import com.nexustrade.auth.metrics.RequestLatency;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;

/**
 * {@code POST /auth/refresh} with a JSON body, answered before Jersey. It is the request every device sends at
 * market open, and two thirds of its CPU samples were Jersey and Jetty around {@code AuthResource.refresh}
 * (injection, provider sorting, the JSON body's reader, filters); answering it here gave 1.5 to 2.25 times the
 * refreshes per second (docs/performance.md, "The refresh before Jersey").
 *
 * <p>It takes only a request it can read without doubt ({@link PlainJsonRefresh}) whose body Jackson reads into a
 * {@link RefreshTokenRequest}. Every other request goes on to {@link AuthResource} unchanged, with the body already
 * read replayed, so Jersey's filters and mappers keep answering odd requests as they always did. A request it
 * takes gets the answer Jersey would give: the token response, or the rule's error with its status, code and
 * headers; {@code no-store}; the DPoP nonce when nonces are required; the same timer and latency histogram.
 */
public final class JsonRefreshFastPath extends HttpFilter {

    public static final String PATH = "/auth/refresh";

    private final TokenService tokens;
    private final Clock clock;
    private final DPoPPolicy dpopPolicy;
    private final ServerNonces nonces;
    private final ObjectReader requests;
    private final ObjectWriter answers;
    private final Timer timer;
    private final RequestLatency latency;

    /** @param nonces the server's DPoP nonces, or null when {@code dpop.requireNonce} is off */
    public JsonRefreshFastPath(TokenService tokens, Clock clock, DPoPPolicy dpopPolicy, ServerNonces nonces,
                               ObjectMapper json, MetricRegistry metrics, RequestLatency latency) {
        this.tokens = tokens;
        this.clock = clock;
        this.dpopPolicy = dpopPolicy;
        this.nonces = nonces;
        this.requests = json.readerFor(RefreshTokenRequest.class);
        this.answers = json.writer();
        // The name Dropwizard gives AuthResource.refresh's @Timed(name = "refresh-json"): one timer for both paths.
        this.timer = metrics.timer(MetricRegistry.name(AuthResource.class, "refresh-json"));
        this.latency = latency;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        if (!PlainJsonRefresh.servable(request.getMethod(), Collections.list(request.getHeaders("Content-Type")),
                request.getHeader("Content-Encoding") != null, Collections.list(request.getHeaders("Accept")),
                request.getContentLengthLong())) {
            chain.doFilter(request, response);
            return;
        }
        ReplayedBody body = ReplayedBody.read(request, (int) request.getContentLengthLong());
        RefreshTokenRequest parsed = body.complete() ? parse(body.bytes()) : null;
        if (parsed == null) {
            chain.doFilter(body, response); // Jersey's mappers answer what is wrong with it, as before
            return;
        }
        int status;
        try (Timer.Context ignored = timer.time()) {
            status = answer(parsed, request, response);
        }
        latency.observe(PATH, status, started);
    }

    private RefreshTokenRequest parse(byte[] body) {
        try {
            return requests.readValue(body);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private int answer(RefreshTokenRequest parsed, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object body;
        int status = 200;
        Map<String, String> headers = Map.of();
        try {
            body = TokenResponse.of(tokens.refresh(RefreshTokenField.require(parsed.refreshToken()),
                    Clients.of(request), DPoPHeader.of(request, PATH, dpopPolicy)), clock);
        } catch (AuthException refused) { // as AuthExceptionMapper answers it
            status = refused.getStatus();
            headers = refused.getHeaders();
            body = AuthExceptionMapper.body(refused);
        } catch (RuntimeException bug) { // as UnexpectedExceptionMapper answers it
            status = 500;
            body = UnexpectedExceptionMapper.serverError(bug);
        }
        byte[] bytes = answers.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(JsonMediaType.UTF8);
        NoStoreFilter.HEADERS.forEach(response::setHeader);
        headers.forEach(response::setHeader);
        if (nonces != null && !headers.containsKey(UseDPoPNonceException.HEADER)) { // as DPoPNonceFilter
            response.setHeader(UseDPoPNonceException.HEADER, nonces.current());
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        return status;
    }
}
