package com.nexustrade.auth.dpop;

import com.nexustrade.auth.common.AuthException;

/**
 * 400 {@code invalid_dpop_proof} (RFC 9449 §5): the DPoP header is missing where it is required, or the proof
 * breaks one of the rules of §4.3. {@code reason} names the rule, so a client developer can tell which.
 * No token is issued and no session state changes: the refusal happens before the refresh token is read.
 */
public class InvalidDPoPProofException extends AuthException {

    private final ProofFailure failure;

    public InvalidDPoPProofException(ProofFailure failure) {
        super(400, "invalid_dpop_proof", failure.description());
        this.failure = failure;
    }

    @Override
    public String getReason() {
        return failure.reason();
    }

    public ProofFailure getFailure() {
        return failure;
    }
}
