package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.ErrorResponse;
import org.eclipse.jetty.io.EofException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The last resort: a bug or an outage. Logged with an id the client can quote; the body never carries a
 * stack trace or an exception message.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof EofException) {
            return JsonErrors.response(400, new ErrorResponse("invalid_request", "The request body ended early."));
        }
        return JsonErrors.response(500, serverError(e));
    }

    /** Logs the failure under a fresh error id and returns the 500 body that quotes it, for any answering path. */
    public static ErrorResponse serverError(Throwable e) {
        String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unhandled error {}", errorId, e);
        return new ErrorResponse("server_error", "The server failed to handle the request (error id " + errorId + ").");
    }
}
