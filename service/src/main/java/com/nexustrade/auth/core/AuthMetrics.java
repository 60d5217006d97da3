package com.nexustrade.auth.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * The counters on-call needed during incident 04 and did not have: how refreshes end (rotated, replayed in the
 * grace window, refused and why), and how logins and service authentications end. Exposed on the admin port
 * under {@code nexus-auth.*} (docs/operations.md says which to alert on).
 */
public final class AuthMetrics {

    private final Counter rotated;
    private final Counter graceReplay;
    private final Map<GrantFailure, Counter> refreshRefused = new EnumMap<>(GrantFailure.class);
    private final Counter loginSuccess;
    private final Counter loginInvalidCredentials;
    private final Counter loginThrottled;
    private final Counter serviceAuthSuccess;
    private final Counter serviceAuthInvalidClient;
    private final Counter serviceAuthThrottled;

    public AuthMetrics(MetricRegistry registry) {
        rotated = registry.counter("nexus-auth.refresh.rotated");
        graceReplay = registry.counter("nexus-auth.refresh.grace_replay");
        for (GrantFailure failure : EnumSet.of(GrantFailure.UNKNOWN, GrantFailure.EXPIRED, GrantFailure.REVOKED,
                GrantFailure.REUSE_DETECTED)) {
            refreshRefused.put(failure, registry.counter("nexus-auth.refresh." + failure.reason()));
        }
        loginSuccess = registry.counter("nexus-auth.login.success");
        loginInvalidCredentials = registry.counter("nexus-auth.login.invalid_credentials");
        loginThrottled = registry.counter("nexus-auth.login.rate_limited");
        serviceAuthSuccess = registry.counter("nexus-auth.service_auth.success");
        serviceAuthInvalidClient = registry.counter("nexus-auth.service_auth.invalid_client");
        serviceAuthThrottled = registry.counter("nexus-auth.service_auth.rate_limited");
    }

    void refreshed(RotationOutcome.Kind kind) {
        (kind == RotationOutcome.Kind.ROTATED ? rotated : graceReplay).inc();
    }

    void refreshRefused(GrantFailure failure) {
        refreshRefused.get(failure).inc();
    }

    void loginSucceeded() {
        loginSuccess.inc();
    }

    void loginRefused(AuthException failure) {
        (failure instanceof RateLimitedException ? loginThrottled : loginInvalidCredentials).inc();
    }

    void serviceAuthSucceeded() {
        serviceAuthSuccess.inc();
    }

    void serviceAuthRefused(AuthException failure) {
        (failure instanceof RateLimitedException ? serviceAuthThrottled : serviceAuthInvalidClient).inc();
    }
}
