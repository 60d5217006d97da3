package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.ClientContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits on failed service authentications: per service id and client address 10 at once, then 1 every 6 s;
 * per client address 30 at once, then 1 every 2 s. Requests without a well-formed id count per address only.
 * There is deliberately no budget per service id alone: it let anyone who can reach the endpoint lock a service
 * out from every address with ten wrong secrets (incident 04's outage class). A service secret is at least 16
 * characters chosen by an operator, not a password a person remembers, so the guessing a per-address budget
 * leaves an attacker with many addresses is hopeless anyway.
 */
public final class ServiceAuthThrottle {

    static final FailureThrottle.Limit PER_SERVICE_AND_ADDRESS =
            new FailureThrottle.Limit("service-id-address", 10, Duration.ofSeconds(6));
    static final FailureThrottle.Limit PER_ADDRESS = new FailureThrottle.Limit("service-address", 30, Duration.ofSeconds(2));

    private final FailureThrottle throttle;

    public ServiceAuthThrottle(FailureThrottle throttle) {
        this.throttle = throttle;
    }

    public void checkAllowed(String serviceIdOrNull, ClientContext client) {
        throttle.checkAllowed(keys(serviceIdOrNull, client));
    }

    public void recordFailure(String serviceIdOrNull, ClientContext client) {
        throttle.recordFailure(keys(serviceIdOrNull, client));
    }

    private static List<FailureThrottle.Keyed> keys(String serviceId, ClientContext client) {
        List<FailureThrottle.Keyed> keys = new ArrayList<>(2);
        keys.add(new FailureThrottle.Keyed(PER_ADDRESS, client.address()));
        if (serviceId != null) {
            keys.add(new FailureThrottle.Keyed(PER_SERVICE_AND_ADDRESS, serviceId + "|" + client.address()));
        }
        return keys;
    }
}
