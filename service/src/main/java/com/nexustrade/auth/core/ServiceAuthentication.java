package com.nexustrade.auth.core;

import com.nexustrade.auth.db.ServiceClientDao;

import java.util.List;
import java.util.Optional;

/** Authenticates an internal service by id and secret, and mints its service token. */
public final class ServiceAuthentication {

    private final ServiceClientDao services;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final ServiceAuthThrottle throttle;
    private final SecurityEvents events;
    private final AuthMetrics metrics;

    public ServiceAuthentication(ServiceClientDao services, PasswordHasher hasher, AccessTokenIssuer accessTokens,
                                 ServiceAuthThrottle throttle, SecurityEvents events, AuthMetrics metrics) {
        this.services = services;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * @param idHeaderValues     every value of {@code X-Internal-Service} the request carried
     * @param secretHeaderValues every value of {@code X-Internal-Service-Secret}
     */
    public AccessToken authenticate(List<String> idHeaderValues, List<String> secretHeaderValues, ClientContext client) {
        String claimedId = wellFormedIdOrNull(idHeaderValues);
        try {
            throttle.checkAllowed(claimedId, client);
        } catch (RateLimitedException throttled) {
            events.serviceAuthThrottled(claimedId, throttled.getRetryAfterSeconds(), client);
            metrics.serviceAuthRefused(throttled);
            throw throttled;
        }
        try {
            ServiceClient service = verify(idHeaderValues, secretHeaderValues);
            metrics.serviceAuthSucceeded();
            return accessTokens.forService(service);
        } catch (InvalidClientException refused) {
            throttle.recordFailure(claimedId, client);
            events.serviceAuthFailed(claimedId, refused.getDescription(), client);
            metrics.serviceAuthRefused(refused);
            throw refused;
        }
    }

    private ServiceClient verify(List<String> idHeaderValues, List<String> secretHeaderValues) {
        String serviceId = InternalServiceHeaders.serviceId(idHeaderValues);
        String secret = InternalServiceHeaders.secret(secretHeaderValues);
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
