package com.nexustrade.auth.core;

import com.nexustrade.auth.common.AuthException;

import com.nexustrade.auth.refresh.GrantFailure;
import com.nexustrade.auth.refresh.RotationOutcome;
import com.nexustrade.auth.common.RateLimitedException;
import com.nexustrade.auth.users.HasherBusyException;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * The counters on-call needed during incident 04 and did not have: how refreshes end (rotated, replayed in the
 * grace window, refused and why), and how logins end (service authentications: {@code ServiceAuthMetrics}). Exposed on the admin port
 * under {@code nexus-auth.*} (docs/operations.md says which to alert on).
 */
public final class AuthMetrics {

    private final Counter rotated;
    private final Counter graceReplay;
    private final Counter refreshBusy;
    private final Map<GrantFailure, Counter> refreshRefused = new EnumMap<>(GrantFailure.class);
    private final Counter dpopProofRefused;
    private final Counter loginSuccess;
    private final Counter loginInvalidCredentials;
    private final Counter loginThrottled;
    private final Counter loginHasherBusy;

    public AuthMetrics(MetricRegistry registry) {
        rotated = registry.counter("nexus-auth.refresh.rotated");
        graceReplay = registry.counter("nexus-auth.refresh.grace_replay");
        refreshBusy = registry.counter("nexus-auth.refresh.temporarily_unavailable");
        for (GrantFailure failure : EnumSet.of(GrantFailure.UNKNOWN, GrantFailure.EXPIRED, GrantFailure.REVOKED,
                GrantFailure.REUSE_DETECTED, GrantFailure.DPOP_KEY_MISMATCH)) {
            refreshRefused.put(failure, registry.counter("nexus-auth.refresh." + failure.reason()));
        }
        dpopProofRefused = registry.counter("nexus-auth.dpop.invalid_proof");
        loginSuccess = registry.counter("nexus-auth.login.success");
        loginInvalidCredentials = registry.counter("nexus-auth.login.invalid_credentials");
        loginThrottled = registry.counter("nexus-auth.login.rate_limited");
        loginHasherBusy = registry.counter("nexus-auth.login.temporarily_unavailable");
    }

    void refreshed(RotationOutcome.Kind kind) {
        (kind == RotationOutcome.Kind.ROTATED ? rotated : graceReplay).inc();
    }

    /** Answered 503 before anything was written: the token is still active (refresh.RotationAdmission). */
    void refreshBusy() {
        refreshBusy.inc();
    }

    void refreshRefused(GrantFailure failure) {
        refreshRefused.get(failure).inc();
    }

    void dpopProofRefused() {
        dpopProofRefused.inc();
    }

    void loginSucceeded() {
        loginSuccess.inc();
    }

    void loginRefused(AuthException failure) {
        if (failure instanceof HasherBusyException) {
            loginHasherBusy.inc(); // the password was not checked: not an invalid credential
        } else {
            (failure instanceof RateLimitedException ? loginThrottled : loginInvalidCredentials).inc();
        }
    }
}
