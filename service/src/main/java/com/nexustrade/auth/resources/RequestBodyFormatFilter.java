package com.nexustrade.auth.resources;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, with 415 and the JSON error body, a request body the API cannot read, before Jersey tries and fails
 * in ways that surfaced as 500s: a {@code Content-Encoding} (our bodies are a few hundred bytes; nobody needs to
 * compress them, and a body that only claims to be gzip broke the reader), a {@code Content-Type} that is a
 * wildcard or does not parse, a charset Java does not know, and JSON in anything but UTF-8 (RFC 8259 §8.1).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestBodyFormatFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> encodings = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encodings != null && !encodings.stream().allMatch(RequestBodyFormatFilter::isIdentity)) {
            throw new NotSupportedException("Content-Encoding is not supported; send the body uncompressed.");
        }
        List<String> contentTypes = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentTypes == null || contentTypes.isEmpty()) {
            return;
        }
        if (contentTypes.size() > 1) {
            throw new NotSupportedException("Content-Type is repeated.");
        }
        String declared = contentTypes.get(0);
        if (declared.isBlank()) {
            return; // as if absent: the endpoint decides
        }
        MediaType type;
        try {
            type = MediaType.valueOf(declared);
        } catch (IllegalArgumentException malformed) {
            throw new NotSupportedException("Content-Type does not parse.");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new NotSupportedException("Content-Type must name one media type, not a pattern.");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isKnownCharset(charset)) {
            throw new NotSupportedException("The charset of Content-Type is unknown.");
        }
        boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (json && charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new NotSupportedException("JSON must be UTF-8.");
        }
    }

    private static boolean isIdentity(String encoding) {
        return encoding.isBlank() || encoding.strip().toLowerCase(Locale.ROOT).equals("identity");
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name.strip());
        } catch (IllegalCharsetNameException malformed) {
            return false;
        }
    }
}
