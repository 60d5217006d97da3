package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests over every endpoint and header, from a fixed seed so that a failure
 * reproduces: none may produce a 5xx, a non-JSON error, or a token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FuzzTest {

    private static final long SEED = 20_261_126L;
    private static final int REQUESTS = 3_000;
    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("fuzz", CLOCK);

    private static final String[] PATHS = {"/auth/login", "/auth/refresh", "/auth/logout", "/auth/me",
            "/auth/service_auth", "/.well-known/jwks.json", "/auth", "/auth/login/", "/auth/refresh?token=x",
            "/auth/me?access_token=eyJ", "/%2e%2e/auth/login", "/auth/;login", "/auth/login%00", "/"};
    private static final String[] METHODS = {"POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
            "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml",
            "application/json; charset=utf-16", "a/b;c=", ""};
    private static final String[] FIELDS = {"username", "password", "refresh_token", "token", "grant_type",
            "client_id", "__proto__", "", "username "};
    private static final String[] SNIPPETS = {"", " ", "\u0000", "\u00a0", "\u200b", "trader1", "orders", "null",
            "' OR '1'='1", "../../etc/passwd", "\ud83d\ude80", "\\u0000", "%00", "eyJhbGciOiJub25lIn0.e30.",
            "Bearer ", "\r\n", "<script>", "A".repeat(43), "\uffff", "\ud800"};

    // The content negotiation matrix (issue 11, finding 7): every endpoint x content type x encoding x body shape.
    private static final String[] ENDPOINTS = {"/auth/login", "/auth/refresh", "/auth/logout", "/auth/me",
            "/auth/service_auth", "/oauth2/token", "/oauth2/revoke", "/oauth2/introspect", "/.well-known/jwks.json",
            "/.well-known/oauth-authorization-server"};
    private static final String[] MATRIX_METHODS = {"POST", "GET", "PUT", "DELETE", "PATCH"};
    private static final String[] MATRIX_CONTENT_TYPES = {null, "", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded;charset=ISO-8859-1",
            "application/x-www-form-urlencoded; charset=bogus-charset", "APPLICATION/X-WWW-FORM-URLENCODED",
            "Application/X-Www-Form-Urlencoded; Charset=UTF-8", "application/x-www-form-urlencoded; a=b; c",
            "application/*", "*/*", "*/*; q=0.5", "*", "application/json", "application/json; charset=utf-16",
            "application/json;charset=\"utf-8\"", "APPLICATION/JSON", "application/json; charset=", "text/plain",
            "multipart/form-data", "multipart/form-data; boundary=x", "application/json, text/plain", ";", "a/b;c=",
            "application/x-www-form-urlencoded; charset=utf-8; charset=latin1"};
    private static final String[] ENCODINGS = {null, "gzip", "deflate", "br", "identity", "gzip, gzip", "x-unknown",
            "GZIP", "compress"};
    private static final int BODY_SHAPES = 6;

    private final Random random = new Random(SEED);

    @Test
    void everyEndpointContentTypeEncodingAndBodyShapeIsAnsweredBelow500WithJsonErrors() throws Exception {
        Random matrixRandom = new Random(SEED);
        Map<Integer, Integer> statusCounts = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (String path : ENDPOINTS) {
            for (String contentType : MATRIX_CONTENT_TYPES) {
                for (String encoding : ENCODINGS) {
                    for (int shape = 0; shape < BODY_SHAPES; shape++) {
                        String method = MATRIX_METHODS[matrixRandom.nextInt(MATRIX_METHODS.length)];
                        byte[] body = bodyOfShape(shape, path, encoding);
                        RawHttp.Response response = RawHttp.raw(APP.getLocalPort(),
                                request(method, path, contentType, encoding, body));
                        requests++;
                        statusCounts.merge(response.status(), 1, Integer::sum);
                        String what = method + " " + path + " type=" + contentType + " encoding=" + encoding
                                + " shape=" + shape;
                        if (response.status() >= 500 || response.status() < 100) {
                            violations.add(response.status() + " for " + what + ": " + response.body());
                        } else if (response.status() >= 400 && !response.body().startsWith("{\"error\"")) {
                            violations.add(response.status() + " without the JSON error body for " + what);
                        }
                    }
                }
            }
        }
        System.out.printf("fuzz matrix: seed=%d requests=%d status_counts=%s violations=%d%n",
                SEED, requests, statusCounts, violations.size());
        assertThat(violations).isEmpty();
    }

    /** 0 empty, 1 a form, 2 JSON, 3 the form gzip-compressed, 4 bytes that claim to be gzip and are not, 5 noise. */
    private byte[] bodyOfShape(int shape, String path, String encoding) throws java.io.IOException {
        String form = path.startsWith("/oauth2/token") ? "grant_type=client_credentials&client_id=orders&client_secret=x"
                : "refresh_token=abc&token=abc&username=trader1&password=wrong";
        return switch (shape) {
            case 0 -> new byte[0];
            case 1 -> form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 2 -> "{\"username\":\"trader1\",\"password\":\"wrong\",\"refresh_token\":\"abc\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 3 -> {
                java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
                    gzip.write(form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                yield compressed.toByteArray();
            }
            case 4 -> new byte[]{0x1f, (byte) 0x8b, 8, 0, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};
            default -> {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private byte[] request(String method, String path, String contentType, String encoding, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(APP.getLocalPort()).append("\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (encoding != null) {
            head.append("Content-Encoding: ").append(encoding).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    @Test
    void generatedHostileRequestsNeverGetA5xxOrAToken() throws Exception {
        Map<Integer, Integer> statusCounts = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String method = pick(METHODS);
            String path = pick(PATHS);
            List<String> headers = headers();
            String body = method.equals("GET") || method.equals("HEAD") ? "" : body();
            RawHttp.Response response = RawHttp.exchange(APP.getLocalPort(), method + " " + path + " HTTP/1.1",
                    headers, body);
            statusCounts.merge(response.status(), 1, Integer::sum);
            boolean jwks = path.startsWith("/.well-known/");
            if (response.status() >= 500) {
                violations.add("5xx for " + method + " " + path + " " + headers + " " + body);
            } else if (!jwks && response.status() < 300 && (response.body().contains("\"access_token\"")
                    || response.body().contains("\"refresh_token\""))) {
                violations.add("token issued for " + method + " " + path + " " + headers + " " + body);
            } else if (response.status() >= 400 && !method.equals("HEAD") && !response.body().startsWith("{\"error\"")) {
                violations.add(response.status() + " without the JSON error body for " + method + " " + path + ": "
                        + response.body());
            }
        }
        System.out.printf("fuzz: seed=%d requests=%d status_counts=%s violations=%d%n",
                SEED, REQUESTS, statusCounts, violations.size());
        assertThat(violations).isEmpty();
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>();
        String contentType = pick(CONTENT_TYPES);
        if (!contentType.isEmpty()) {
            headers.add("Content-Type: " + contentType);
        }
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            switch (random.nextInt(5)) {
                case 0 -> headers.add("Authorization: " + pick(new String[]{"Bearer ", "bearer ", "Basic ", ""}) + text());
                case 1 -> headers.add("X-Internal-Service: " + text());
                case 2 -> headers.add("X-Internal-Service-Secret: " + text());
                case 3 -> headers.add("X-Forwarded-For: " + text());
                default -> headers.add("Accept: " + pick(new String[]{"text/html", "application/xml", "*/*", text()}));
            }
        }
        return headers;
    }

    private String body() {
        return switch (random.nextInt(6)) {
            case 0 -> jsonObject(random.nextInt(3));
            case 1 -> truncated(jsonObject(1));
            case 2 -> pick(FIELDS) + "=" + text() + "&" + pick(FIELDS) + "=" + text();
            case 3 -> randomBytesAsText(random.nextInt(200));
            case 4 -> "[" + jsonValue(2) + "]";
            default -> jsonValue(1);
        };
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(json.length()));
    }

    private String jsonObject(int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(pick(FIELDS)).append("\":").append(jsonValue(depth));
        }
        return json.append('}').toString();
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0 -> "\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> pick(new String[]{"null", "true", "false", "1e999", "-0", "0.1"});
            case 3 -> "\"" + "x".repeat(random.nextInt(3000)) + "\"";
            case 4 -> "\"" + pick(SNIPPETS).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 5 -> jsonObject(depth - 1);
            default -> "[" + jsonValue(depth - 1) + "," + jsonValue(depth - 1) + "]";
        };
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            text.append(pick(SNIPPETS));
        }
        return text.toString().replace("\r", "").replace("\n", "");
    }

    private String randomBytesAsText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
