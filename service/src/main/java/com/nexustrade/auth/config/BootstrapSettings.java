package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The {@code bootstrap:} block: users and services created at start-up when missing (demos, QA, CI), never overwritten. */
public class BootstrapSettings {

    @Valid
    @NotNull
    @JsonProperty
    private List<BootstrapUser> users = List.of();

    @Valid
    @NotNull
    @JsonProperty
    private List<BootstrapService> services = List.of();

    public List<BootstrapUser> getUsers() {
        return users;
    }

    public List<BootstrapService> getServices() {
        return services;
    }
}
