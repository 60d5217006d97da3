package com.nexustrade.repro.http;

/** Where a deployment serves the endpoints the checks need; gateways and older services move them. */
public record EndpointPaths(String login, String refresh, String serviceAuth, String jwks) {

    public static final EndpointPaths CONTRACT =
            new EndpointPaths("/auth/login", "/auth/refresh", "/auth/service_auth", "/.well-known/jwks.json");
}
