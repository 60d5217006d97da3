package com.nexustrade.auth.dpop;

/**
 * What a token request brings for DPoP: the {@code DPoP} header (null when absent), the request's method and path
 * (the path is appended to the configured issuer for {@code htu}, never taken from the Host header), and the
 * calling client's policy.
 */
public record ProofRequest(String proof, String method, String path, DPoPPolicy policy) {

    /** No proof from a client that needs none: tests, the admin commands, benchmarks. */
    public static ProofRequest none() {
        return new ProofRequest(null, "POST", "/", DPoPPolicy.OPTIONAL);
    }

    public boolean required() {
        return policy == DPoPPolicy.REQUIRED;
    }
}
