package com.nexustrade.auth.core;

import com.nexustrade.auth.db.ServiceClientDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Authenticates an internal service by id and secret, and mints its service token. */
public final class ServiceAuthentication {

    private static final Logger SECURITY = LoggerFactory.getLogger("com.nexustrade.auth.security");

    private final ServiceClientDao services;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;

    public ServiceAuthentication(ServiceClientDao services, PasswordHasher hasher, AccessTokenIssuer accessTokens) {
        this.services = services;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
    }

    /**
     * @param idHeaderValues     every value of {@code X-Internal-Service} the request carried
     * @param secretHeaderValues every value of {@code X-Internal-Service-Secret}
     */
    public AccessToken authenticate(List<String> idHeaderValues, List<String> secretHeaderValues) {
        String serviceId;
        String secret;
        try {
            serviceId = InternalServiceHeaders.serviceId(idHeaderValues);
            secret = InternalServiceHeaders.secret(secretHeaderValues);
        } catch (InvalidClientException malformed) {
            SECURITY.info("event=service_auth_failed cause=\"{}\"", malformed.getDescription());
            throw malformed;
        }
        Optional<String> secretHash = services.findSecretHash(serviceId);
        // Unknown services cost a decoy verification too, so the timing does not reveal which ids exist.
        boolean valid = secretHash.isPresent() ? hasher.verify(secret, secretHash.get()) : hasher.verifyDecoy(secret);
        if (!valid) {
            SECURITY.info("event=service_auth_failed service_id={} service_known={}", serviceId, secretHash.isPresent());
            throw new InvalidClientException("The service id or secret is incorrect.");
        }
        return accessTokens.forService(new ServiceClient(serviceId, services.permissionsOf(serviceId)));
    }
}
