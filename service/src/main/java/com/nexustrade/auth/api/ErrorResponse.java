package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error body of the API (docs/api.md, "Error codes"); {@code reason} only on {@code invalid_grant}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("reason") String reason) {

    public ErrorResponse(String error, String errorDescription) {
        this(error, errorDescription, null);
    }
}
