package com.nexustrade.repro.checks;

import java.util.List;
import java.util.Map;

/**
 * One request to the service-auth endpoint. Raw probes carry empty, blank, non-ASCII or repeated header values, written
 * byte for byte (the JDK's client would refuse to send them, and they are the point), each on a connection of its own.
 */
record ServiceAuthProbe(String label, List<Map.Entry<String, String>> headers, boolean raw) {

    static final String SERVICE_ID = "X-Internal-Service";
    static final String SERVICE_SECRET = "X-Internal-Service-Secret";

    static ServiceAuthProbe viaClient(String label, List<Map.Entry<String, String>> headers) {
        return new ServiceAuthProbe(label, List.copyOf(headers), false);
    }

    static ServiceAuthProbe viaSocket(String label, List<Map.Entry<String, String>> headers) {
        return new ServiceAuthProbe(label, List.copyOf(headers), true);
    }
}
