package com.nexustrade.auth.common;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON log line per security event, on the logger {@code nexus-auth.security} so that operations can route
 * it to the SIEM. Never a password, a secret or a token: only ids, the username, and who called.
 */
public final class SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("nexus-auth.security");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_USERNAME = 64;

    public void loginFailed(String username, boolean userKnown, ClientContext client) {
        info(event("login_failed", client).with("username", clip(username)).with("user_known", userKnown));
    }

    public void loginThrottled(String username, long retryAfterSeconds, ClientContext client) {
        warn(event("login_throttled", client).with("username", clip(username)).with("retry_after_s", retryAfterSeconds));
    }

    public void serviceAuthFailed(String serviceId, String cause, ClientContext client) {
        info(event("service_auth_failed", client).with("service_id", serviceId).with("cause", cause));
    }

    public void serviceAuthThrottled(String serviceId, long retryAfterSeconds, ClientContext client) {
        warn(event("service_auth_throttled", client).with("service_id", serviceId)
                .with("retry_after_s", retryAfterSeconds));
    }

    public void refreshTokenReuse(String familyId, String userId, String tokenId, Long usedAtMillis,
                                  ClientContext client) {
        warn(event("refresh_token_reuse", client).with("family_id", familyId).with("user_id", userId)
                .with("token_id", tokenId).with("used_at_ms", usedAtMillis));
    }

    /** A refresh token of a DPoP-bound session presented without proof of its key: a stolen token. */
    public void dpopKeyMismatch(String familyId, String userId, String tokenId, boolean proofPresented,
                                ClientContext client) {
        warn(event("dpop_key_mismatch", client).with("family_id", familyId).with("user_id", userId)
                .with("token_id", tokenId).with("proof_presented", proofPresented));
    }

    public void familyRevoked(String familyId, String userId, String reason, ClientContext client) {
        warn(event("family_revoked", client).with("family_id", familyId).with("user_id", userId).with("reason", reason));
    }

    private static Event event(String name, ClientContext client) {
        return new Event().with("event", name).with("client_ip", client.address()).with("user_agent", client.userAgent());
    }

    private static void info(Event event) {
        if (LOG.isInfoEnabled()) {
            LOG.info(event.toJson());
        }
    }

    private static void warn(Event event) {
        if (LOG.isWarnEnabled()) {
            LOG.warn(event.toJson());
        }
    }

    private static String clip(String value) {
        if (value == null) {
            return null;
        }
        return value.length() > MAX_USERNAME ? value.substring(0, MAX_USERNAME) + "…" : value;
    }

    private static final class Event {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Event with(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        String toJson() {
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                return "{\"event\":\"unserialisable\"}";
            }
        }
    }
}
