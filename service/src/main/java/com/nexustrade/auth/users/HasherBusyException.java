package com.nexustrade.auth.users;

import com.nexustrade.auth.common.AuthException;

import java.util.Map;

/**
 * 503: every hashing slot stayed busy for the whole queue wait, so the password or secret was NOT checked. Never
 * a 401 (it may well be right) and never a failure towards the throttle; the client retries after a second.
 */
public final class HasherBusyException extends AuthException {

    public HasherBusyException() {
        super(503, "temporarily_unavailable", "The service is busy checking other credentials; try again shortly.");
    }

    @Override
    public Map<String, String> getHeaders() {
        return Map.of("Retry-After", "1");
    }
}
