package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.ErrorResponse;
import com.nexustrade.auth.common.AuthException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Our own rule failures: the status, code, sentence, reason and headers each exception carries. */
public final class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Override
    public Response toResponse(AuthException e) {
        Response.ResponseBuilder response = Response.fromResponse(JsonErrors.response(e.getStatus(),
                new ErrorResponse(e.getErrorCode(), e.getDescription(), e.getReason())));
        e.getHeaders().forEach(response::header);
        return response.build();
    }
}
