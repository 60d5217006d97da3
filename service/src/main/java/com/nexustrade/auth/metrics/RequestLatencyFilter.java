package com.nexustrade.auth.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Feeds {@link RequestLatency} with every request Jersey answers. */
final class RequestLatencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestLatencyFilter.class.getName() + ".started";

    private final RequestLatency latency;

    RequestLatencyFilter(RequestLatency latency) {
        this.latency = latency;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String endpoint = endpoint(request.getUriInfo());
        if (started instanceof Long start && endpoint != null) {
            latency.observe(endpoint, response.getStatus(), start);
        }
    }

    /**
     * "/auth/refresh": the URI matched by a resource (innermost first; none of ours has path parameters, so it
     * is the template), or null when no resource matched (404), so a scan cannot add labels.
     */
    private static String endpoint(UriInfo uri) {
        List<String> matched = uri.getMatchedURIs();
        return matched.isEmpty() ? null : "/" + matched.get(0);
    }
}
