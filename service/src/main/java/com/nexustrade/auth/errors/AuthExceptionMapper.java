package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.ErrorResponse;
import com.nexustrade.auth.core.AuthException;
import com.nexustrade.auth.core.InvalidClientException;
import com.nexustrade.auth.core.InvalidGrantException;
import com.nexustrade.auth.core.InvalidTokenException;
import com.nexustrade.auth.core.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Our own rule failures: the status, code and sentence each exception carries, plus the grant reason. */
public final class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Override
    public Response toResponse(AuthException e) {
        String reason = e instanceof InvalidGrantException grant ? grant.getFailure().reason() : null;
        Response response = JsonErrors.response(e.getStatus(),
                new ErrorResponse(e.getErrorCode(), e.getDescription(), reason));
        if (e instanceof InvalidTokenException) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nexus-auth\", error=\"invalid_token\"").build();
        }
        if (e instanceof RateLimitedException limited) {
            return Response.fromResponse(response).header("Retry-After", limited.getRetryAfterSeconds()).build();
        }
        if (e instanceof InvalidClientException) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "X-Internal-Service realm=\"nexus-auth\"").build();
        }
        return response;
    }
}
