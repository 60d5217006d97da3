package com.nexustrade.repro.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The deployment under test and how to talk to it. */
public record Target(URI baseUrl, EndpointPaths paths, List<ExtraHeader> headers, Duration timeout, boolean insecure,
                     TokenApi api) {

    public Target {
        headers = List.copyOf(headers);
    }

    /** A target speaking our own API (docs/api.md). */
    public Target(URI baseUrl, EndpointPaths paths, List<ExtraHeader> headers, Duration timeout, boolean insecure) {
        this(baseUrl, paths, headers, timeout, insecure, new TokenApi.Contract(baseUrl, paths));
    }

    public URI uri(String path) {
        return join(baseUrl, path);
    }

    /** The base URL may carry a prefix (a gateway's /api), so paths are appended, not resolved. */
    public static URI join(URI baseUrl, String path) {
        String base = baseUrl.toString();
        String joined = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(joined + (path.startsWith("/") ? path : "/" + path));
    }
}
