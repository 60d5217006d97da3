package com.nexustrade.auth.resources;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.ServiceTokenResponse;
import com.nexustrade.auth.services.InternalServiceHeaders;
import com.nexustrade.auth.services.ServiceAuthentication;
import com.codahale.metrics.annotation.Timed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

@Path("/auth/service_auth")
@Produces(JsonMediaType.UTF8)
public class ServiceAuthResource {

    private final ServiceAuthentication serviceAuthentication;

    public ServiceAuthResource(ServiceAuthentication serviceAuthentication) {
        this.serviceAuthentication = serviceAuthentication;
    }

    /** Every value of each header is passed on, so that a repeated header is refused rather than one picked. */
    @POST
    @Timed
    public ServiceTokenResponse authenticate(@Context HttpHeaders headers, @Context HttpServletRequest http) {
        return ServiceTokenResponse.of(serviceAuthentication.authenticate(
                headers.getRequestHeader(InternalServiceHeaders.SERVICE_ID),
                headers.getRequestHeader(InternalServiceHeaders.SERVICE_SECRET), Clients.of(http)));
    }
}
