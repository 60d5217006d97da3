package com.nexustrade.auth.services;

import com.nexustrade.auth.common.AuthException;
import com.nexustrade.auth.common.RateLimitedException;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/** How service authentications end, on the admin port under {@code nexus-auth.service_auth.*}. */
public final class ServiceAuthMetrics {

    private final Counter success;
    private final Counter invalidClient;
    private final Counter throttled;

    public ServiceAuthMetrics(MetricRegistry registry) {
        success = registry.counter("nexus-auth.service_auth.success");
        invalidClient = registry.counter("nexus-auth.service_auth.invalid_client");
        throttled = registry.counter("nexus-auth.service_auth.rate_limited");
    }

    void succeeded() {
        success.inc();
    }

    void refused(AuthException failure) {
        (failure instanceof RateLimitedException ? throttled : invalidClient).inc();
    }
}
