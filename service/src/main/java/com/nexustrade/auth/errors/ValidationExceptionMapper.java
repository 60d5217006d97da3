package com.nexustrade.auth.errors;

import com.nexustrade.auth.api.ErrorResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Comparator;

/** Bean Validation failures of a request: 400 with the first violated rule's message (messages name the field). */
public final class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        String description = "The request is invalid.";
        if (e instanceof ConstraintViolationException violations && !violations.getConstraintViolations().isEmpty()) {
            description = violations.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage)
                    .min(Comparator.naturalOrder())
                    .orElse(description);
        }
        return JsonErrors.response(400, new ErrorResponse("invalid_request", description));
    }
}
