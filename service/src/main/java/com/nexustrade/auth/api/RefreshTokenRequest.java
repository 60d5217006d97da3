package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code /auth/refresh} and {@code /auth/logout}. */
public record RefreshTokenRequest(
        @JsonProperty("refresh_token")
        @NotBlank(message = "refresh_token is required")
        @Size(max = 512, message = "refresh_token is longer than 512 characters")
        @Pattern(regexp = "[\\x21-\\x7E]*", message = "refresh_token must be printable ASCII")
        String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[refresh_token=[redacted]]";
    }
}
