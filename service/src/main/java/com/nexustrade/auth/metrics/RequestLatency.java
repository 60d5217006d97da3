package com.nexustrade.auth.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@code nexus_auth_http_request_duration_seconds{endpoint="/auth/refresh",status="200"}}: a real histogram
 * (buckets add up across instances, unlike the quantiles of the Dropwizard timers) of every matched endpoint,
 * fed by Jersey's {@link RequestLatencyFilter} and by the refresh served before Jersey. Endpoints are the
 * resources' path templates, so the number of labels is bounded.
 */
public final class RequestLatency {

    private final Histogram latency;

    RequestLatency(PrometheusRegistry registry) {
        latency = Histogram.builder()
                .name("nexus_auth_http_request_duration_seconds")
                .help("Time from the request's arrival in the application to its response, per endpoint and status")
                .unit(Unit.SECONDS)
                .labelNames("endpoint", "status")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    /** @param startedNanos {@link System#nanoTime()} when the request arrived */
    public void observe(String endpoint, int status, long startedNanos) {
        latency.labelValues(endpoint, Integer.toString(status))
                .observe(Unit.nanosToSeconds(System.nanoTime() - startedNanos));
    }
}
