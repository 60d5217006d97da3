package com.nexustrade.auth.common;

import java.time.Duration;

/** 429: too many failed attempts; the client may try again after {@link #getRetryAfterSeconds()}. */
public class RateLimitedException extends AuthException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(429, "rate_limited", "Too many failed attempts; try again later.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, as the Retry-After header wants them. */
    public long getRetryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public java.util.Map<String, String> getHeaders() {
        return java.util.Map.of("Retry-After", String.valueOf(getRetryAfterSeconds()));
    }
}
