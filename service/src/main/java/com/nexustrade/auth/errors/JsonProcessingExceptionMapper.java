package com.nexustrade.auth.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nexustrade.auth.api.ErrorResponse;
import com.nexustrade.auth.common.AuthException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Malformed JSON, wrong types: 400 without echoing Jackson's message (it can quote the input back). */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        // Jackson wraps what the body stream threw, e.g. the size limit's 413: answer that, not a parse error.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthException ours) {
                return new AuthExceptionMapper().toResponse(ours);
            }
        }
        return JsonErrors.response(400, new ErrorResponse("invalid_request",
                "The request body is not a valid JSON object for this endpoint."));
    }
}
