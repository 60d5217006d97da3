package com.nexustrade.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @JsonProperty("username")
        @NotBlank(message = "username is required")
        @Size(max = LoginFieldLimits.MAX_USERNAME, message = "username is longer than 64 characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "username contains control characters")
        String username,

        // Bounded so that one request cannot make Argon2id hash megabytes.
        @JsonProperty("password")
        @NotBlank(message = "password is required")
        @Size(max = LoginFieldLimits.MAX_PASSWORD, message = "password is longer than 1024 characters")
        @Pattern(regexp = "[^\\x00]*", message = "password contains a NUL character")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=[redacted]]";
    }
}
