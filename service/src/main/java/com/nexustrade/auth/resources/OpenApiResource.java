package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nexustrade.auth.api.JsonMediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 description of this API (docs/openapi.yaml, packed into the jar), as YAML and as JSON. */
@Path("/")
public final class OpenApiResource {

    public static final String CLASSPATH_LOCATION = "/openapi/openapi.yaml";

    private final String yaml;
    private final JsonNode json;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_LOCATION + " is missing from the jar");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            json = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml; charset=utf-8")
    public String yaml() {
        return yaml;
    }

    @GET
    @Path("openapi.json")
    @Produces(JsonMediaType.UTF8)
    public JsonNode json() {
        return json;
    }
}
