package com.nexustrade.auth.services;

import com.nexustrade.auth.access.AccessToken;
import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.RateLimitedException;
import com.nexustrade.auth.throttling.ServiceAuthThrottle;
import com.nexustrade.auth.users.PasswordHasher;


import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Authenticates an internal service by id and secret, and mints its service token. */
public final class ServiceAuthentication {

    private final ServiceClientStore services;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final ServiceAuthThrottle throttle;
    private final SecurityEvents events;
    private final ServiceAuthMetrics metrics;

    public ServiceAuthentication(ServiceClientStore services, PasswordHasher hasher, AccessTokenIssuer accessTokens,
                                 ServiceAuthThrottle throttle, SecurityEvents events, ServiceAuthMetrics metrics) {
        this.services = services;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * The {@code /auth/service_auth} path: the headers as sent, every value of each.
     *
     * @param idHeaderValues     every value of {@code X-Internal-Service} the request carried
     * @param secretHeaderValues every value of {@code X-Internal-Service-Secret}
     */
    public AccessToken authenticate(List<String> idHeaderValues, List<String> secretHeaderValues, ClientContext client) {
        String claimedId = wellFormedIdOrNull(idHeaderValues);
        return serviceToken(guarded(claimedId, client, () -> verify(
                InternalServiceHeaders.serviceId(idHeaderValues), InternalServiceHeaders.secret(secretHeaderValues))));
    }

    /** The OAuth 2.0 path: a client id and secret from HTTP Basic or the form, checked by the same rules. */
    public ServiceClient authenticateClient(String clientId, String clientSecret, ClientContext client) {
        String claimedId = clientId == null ? null : wellFormedIdOrNull(List.of(clientId));
        return guarded(claimedId, client, () -> verify(
                InternalServiceHeaders.serviceId(clientId == null ? List.of() : List.of(clientId)),
                InternalServiceHeaders.secret(clientSecret == null ? List.of() : List.of(clientSecret))));
    }

    public AccessToken serviceToken(ServiceClient service) {
        return accessTokens.forService(service.id(), service.permissions());
    }

    /** Throttling, events and counters around one verification. */
    private ServiceClient guarded(String claimedId, ClientContext client, Supplier<ServiceClient> verification) {
        try {
            throttle.checkAllowed(claimedId, client);
        } catch (RateLimitedException throttled) {
            events.serviceAuthThrottled(claimedId, throttled.getRetryAfterSeconds(), client);
            metrics.refused(throttled);
            throw throttled;
        }
        try {
            ServiceClient service = verification.get();
            metrics.succeeded();
            return service;
        } catch (InvalidClientException refused) {
            throttle.recordFailure(claimedId, client);
            events.serviceAuthFailed(claimedId, refused.getDescription(), client);
            metrics.refused(refused);
            throw refused;
        }
    }

    private ServiceClient verify(String serviceId, String secret) {
        Optional<String> secretHash = services.findSecretHash(serviceId);
        // Unknown services cost a decoy verification too, so the timing does not reveal which ids exist.
        boolean valid = secretHash.isPresent() ? hasher.verify(secret, secretHash.get()) : hasher.verifyDecoy(secret);
        if (!valid) {
            throw new InvalidClientException("The service id or secret is incorrect.");
        }
        return new ServiceClient(serviceId, services.permissionsOf(serviceId));
    }

    private static String wellFormedIdOrNull(List<String> idHeaderValues) {
        try {
            return InternalServiceHeaders.serviceId(idHeaderValues);
        } catch (InvalidClientException malformed) {
            return null;
        }
    }
}
