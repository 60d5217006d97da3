package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.AuthException;

import java.util.Map;

/**
 * 503 before anything was read or written: every admission slot is taken ({@link RotationAdmission}). The presented token
 * is untouched, still active, so the client keeps it and sends it again after {@code Retry-After}; neither it nor
 * a device sharing it is logged out (docs/rotation.md, "A storm longer than the grace window").
 */
public final class RotationBusyException extends AuthException {

    public RotationBusyException() {
        super(503, "temporarily_unavailable",
                "The service is busy rotating other refresh tokens; this one was not used. Send it again shortly.");
    }

    @Override
    public Map<String, String> getHeaders() {
        return Map.of("Retry-After", "1");
    }
}
