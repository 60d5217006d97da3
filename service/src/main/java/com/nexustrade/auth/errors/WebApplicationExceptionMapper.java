package com.nexustrade.auth.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own errors (404, 405, 415, ...) in the API's JSON shape instead of Dropwizard's {"code","message"}. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().hasEntity()) {
            return e.getResponse(); // already shaped by us, e.g. the Bearer filter's 401
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response response = JsonErrors.forStatus(status);
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }
}
