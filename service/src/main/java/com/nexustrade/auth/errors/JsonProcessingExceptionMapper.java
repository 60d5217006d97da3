package com.nexustrade.auth.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nexustrade.auth.api.ErrorResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Malformed JSON, wrong types: 400 without echoing Jackson's message (it can quote the input back). */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return JsonErrors.response(400, new ErrorResponse("invalid_request",
                "The request body is not a valid JSON object for this endpoint."));
    }
}
