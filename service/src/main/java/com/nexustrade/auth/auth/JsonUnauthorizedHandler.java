package com.nexustrade.auth.auth;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.ErrorResponse;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 of a missing or rejected access token, in the API's JSON error shape with an RFC 6750 challenge. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        prefix + " realm=\"" + realm + "\", error=\"invalid_token\"")
                .type(JsonMediaType.UTF8_TYPE)
                .entity(new ErrorResponse("invalid_token",
                        "A valid Bearer access token is required: it is missing, malformed, expired or not ours."))
                .build();
    }
}
