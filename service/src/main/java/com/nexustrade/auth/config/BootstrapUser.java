package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A user created at start-up when missing ({@code bootstrap.users}); an existing one is left as it is. */
public record BootstrapUser(
        @JsonProperty("username") @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String username,
        @JsonProperty("email") @NotBlank @Email String email,
        @JsonProperty("password") @NotBlank String password,
        @JsonProperty("roles") @NotNull List<@NotBlank String> roles,
        @JsonProperty("tenant") @NotBlank String tenant) {
}
