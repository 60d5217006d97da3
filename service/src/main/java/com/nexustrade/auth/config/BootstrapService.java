package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A service client created at start-up when missing ({@code bootstrap.services}); an existing one is left as it is. */
public record BootstrapService(
        @JsonProperty("id") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String id,
        @JsonProperty("secret") @NotBlank String secret,
        @JsonProperty("permissions") @NotNull List<@NotBlank String> permissions) {
}
