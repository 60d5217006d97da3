package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.ClientContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits on failed service authentications, per instance: per service id 10 at once, then 1 every 6 s;
 * per client address 30 at once, then 1 every 2 s. Requests without a well-formed id count per address only.
 */
public final class ServiceAuthThrottle {

    static final FailureThrottle.Limit PER_SERVICE = new FailureThrottle.Limit("service-id", 10, Duration.ofSeconds(6));
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
            keys.add(new FailureThrottle.Keyed(PER_SERVICE, serviceId));
        }
        return keys;
    }
}
