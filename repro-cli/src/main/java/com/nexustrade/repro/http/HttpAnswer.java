package com.nexustrade.repro.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * What came back for one request: a status and body, or (status 0) the reason nothing came back in time.
 * A missing answer is evidence, not a crash: a service that hangs under concurrent refreshes fails the check.
 */
public record HttpAnswer(int status, String body, Duration elapsed, String failure) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpAnswer of(int status, String body, Duration elapsed) {
        return new HttpAnswer(status, body == null ? "" : body, elapsed, null);
    }

    public static HttpAnswer noAnswer(String failure, Duration elapsed) {
        return new HttpAnswer(0, "", elapsed, failure);
    }

    public boolean answered() {
        return failure == null;
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
