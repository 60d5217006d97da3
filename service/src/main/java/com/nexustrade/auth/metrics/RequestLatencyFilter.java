package com.nexustrade.auth.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * {@code nexus_auth_http_request_duration_seconds{endpoint="/auth/refresh",status="200"}}: a real histogram
 * (buckets add up across instances, unlike the quantiles of the Dropwizard timers) of every matched endpoint.
 * Labels come from the resource path templates and the status, so their number is bounded.
 */
final class RequestLatencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestLatencyFilter.class.getName() + ".started";

    private final Histogram latency;

    RequestLatencyFilter(PrometheusRegistry registry) {
        latency = Histogram.builder()
                .name("nexus_auth_http_request_duration_seconds")
                .help("Time from the request's arrival in Jersey to its response, per endpoint and status")
                .unit(Unit.SECONDS)
                .labelNames("endpoint", "status")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
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
            latency.labelValues(endpoint, Integer.toString(response.getStatus()))
                    .observe(Unit.nanosToSeconds(System.nanoTime() - start));
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
