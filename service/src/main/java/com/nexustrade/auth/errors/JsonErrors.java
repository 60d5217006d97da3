package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.ErrorResponse;
import jakarta.ws.rs.core.Response;

/** Builds the one error response shape every mapper returns. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Response response(int status, ErrorResponse body) {
        return Response.status(status)
                .type(JsonMediaType.UTF8_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body)
                .build();
    }

    static Response forStatus(int status) {
        return response(status, new ErrorResponse(ErrorCodes.forStatus(status), ErrorCodes.describe(status)));
    }
}
