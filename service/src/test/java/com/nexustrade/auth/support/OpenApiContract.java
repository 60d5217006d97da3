package com.nexustrade.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docs/openapi.yaml as the contract of every answer the tests receive on the public port: {@link ApiClient} and
 * {@link RawHttp} hand each response here, so a test fails when the service answers something the document does
 * not describe (an undocumented endpoint or status, a body that breaks its schema). The bodies are checked by
 * networknt's json-schema-validator with the OpenAPI 3.1 dialect (JSON Schema 2020-12, the schema language of
 * OpenAPI 3.1); finding the operation and the response of a request is the short part written here.
 */
public final class OpenApiContract {

    private static final String DOCUMENT = "classpath:openapi/openapi.yaml";
    private static final JsonNode OPENAPI = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    /** Throws an AssertionError naming every difference between this answer and the document. */
    public static void check(String method, String pathAndQuery, int status, String contentType, String body) {
        List<String> problems = problems(method, pathAndQuery, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("Answer to " + method + " " + pathAndQuery + " (" + status + ", " + contentType
                    + ") does not match docs/openapi.yaml: " + problems + "\nbody: " + body);
        }
    }

    static List<String> problems(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // JAX-RS matches /auth/login/ as /auth/login
        }
        JsonNode pathItem = OPENAPI.path("paths").path(path);
        if ("OPTIONS".equalsIgnoreCase(method) && !pathItem.isMissingNode() && status < 300) {
            return List.of(); // JAX-RS lists the path's methods in Allow, as the document's description says
        }
        // HEAD is GET without the body (RFC 9110): the same statuses, no body to check.
        String documentedMethod = "HEAD".equalsIgnoreCase(method) ? "get" : method.toLowerCase(Locale.ROOT);
        JsonNode operation = pathItem.get(documentedMethod);
        String responsePointer;
        if (operation == null) {
            // Not an operation of ours (unknown path, other method, malformed request): only the error body may come.
            if (status < 400) {
                return List.of("undocumented operation answered " + status);
            }
            responsePointer = "/components/responses/Error";
        } else {
            String key = Integer.toString(status);
            JsonNode responses = operation.path("responses");
            if (!responses.has(key)) {
                if (!responses.has("default") || status < 400) {
                    return List.of("status " + status + " is not documented for this operation");
                }
                key = "default";
            }
            responsePointer = "/paths/" + escape(path) + "/" + documentedMethod + "/responses/" + key;
        }
        return bodyProblems(dereference(responsePointer), contentType, body, method);
    }

    private static List<String> bodyProblems(String responsePointer, String contentType, String body, String method) {
        JsonNode content = OPENAPI.at(responsePointer).get("content");
        if (content == null || "HEAD".equalsIgnoreCase(method)) {
            return body.isEmpty() || "HEAD".equalsIgnoreCase(method)
                    ? List.of() : List.of("a body where the document has none");
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of("media type '" + mediaType + "' is not documented; documented: " + documented);
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = COMPILED.computeIfAbsent(schemaPointer,
                pointer -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)));
        List<String> problems = new ArrayList<>();
        try {
            for (Error error : schema.validate(body, InputFormat.JSON)) {
                problems.add(error.toString());
            }
        } catch (RuntimeException notJson) {
            problems.add("body is not JSON: " + notJson.getMessage());
        }
        return problems;
    }

    /** A response object may be a $ref to components/responses: follow it, so its schema is found by location. */
    private static String dereference(String pointer) {
        JsonNode ref = OPENAPI.at(pointer).get("$ref");
        return ref == null ? pointer : dereference(ref.asText().substring(1));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/openapi.yaml is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
