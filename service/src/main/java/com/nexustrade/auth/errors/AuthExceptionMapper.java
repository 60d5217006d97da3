package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.ErrorResponse;
import com.nexustrade.auth.common.AuthException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Our own rule failures: the status, code, sentence, reason and headers each exception carries. */
public final class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Override
    public Response toResponse(AuthException e) {
        Response.ResponseBuilder response = Response.fromResponse(JsonErrors.response(e.getStatus(), body(e)));
        e.getHeaders().forEach(response::header);
        return response.build();
    }

    /** The error body of one of our rule failures, for any answering path. */
    public static ErrorResponse body(AuthException e) {
        return new ErrorResponse(e.getErrorCode(), e.getDescription(), e.getReason());
    }
}
