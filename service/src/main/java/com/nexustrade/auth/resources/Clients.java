package com.nexustrade.auth.resources;

import com.nexustrade.auth.common.ClientContext;
import jakarta.servlet.http.HttpServletRequest;

/** The caller of a request. Behind a load balancer, enable the connector's forwarded headers to see the client. */
final class Clients {

    private Clients() {
    }

    static ClientContext of(HttpServletRequest request) {
        return request == null ? ClientContext.UNKNOWN : ClientContext.of(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
