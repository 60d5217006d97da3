package com.nexustrade.repro.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What came back for one request: a status and body, or (status 0) the reason nothing came back in time.
 * A missing answer is evidence, not a crash: a service that hangs under concurrent refreshes fails the check.
 */
public record HttpAnswer(int status, String body, Duration elapsed, String failure, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public static HttpAnswer of(int status, String body, Duration elapsed) {
        return of(status, Map.of(), body, elapsed);
    }

    /** With the answer's headers, by lower-case name. */
    public static HttpAnswer of(int status, Map<String, String> headers, String body, Duration elapsed) {
        return new HttpAnswer(status, body == null ? "" : body, elapsed, null, headers);
    }

    public static HttpAnswer noAnswer(String failure, Duration elapsed) {
        return new HttpAnswer(0, "", elapsed, failure, Map.of());
    }

    /** A header of the answer, or null; names are matched case-insensitively. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The same answer, having taken this much longer: an exchange of two requests counts as one (a nonce retry). */
    HttpAnswer after(Duration earlier) {
        return new HttpAnswer(status, body, elapsed.plus(earlier), failure, headers);
    }

    public boolean answered() {
        return failure == null;
    }

    /**
     * How long to wait before sending the same request again, when the server said "not now" without judging it:
     * 503 with a {@code Retry-After} of delta-seconds (docs/repro.md, "Busy answers"). A mobile app keeps its refresh
     * token on such an answer and tries again later; it is not a refusal. Empty for every other answer, and for an
     * HTTP-date or malformed value (then the 503 is counted like any other failure).
     */
    public Optional<Duration> retryAfter() {
        String value = header("Retry-After");
        if (!answered() || status != 503 || value == null || !value.trim().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object, or an empty object when it is not one (an HTML error page, say). */
    public JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** A top-level string field of the JSON body, or null. */
    public String field(String name) {
        JsonNode value = json().get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    public boolean hasField(String name) {
        JsonNode value = json().get(name);
        return value != null && !value.isNull() && !value.asText().isEmpty();
    }

    /** "401 invalid_grant (revoked)", "200", or "no answer: ...": the short form reports count by. */
    public String outcome() {
        if (!answered()) {
            return "no answer (" + failure + ")";
        }
        String error = field("error");
        if (error == null) {
            return String.valueOf(status);
        }
        String reason = field("reason");
        return status + " " + error + (reason == null ? "" : " (" + reason + ")");
    }
}
