package com.nexustrade.auth.resources;

import com.nexustrade.auth.dpop.DPoPPolicy;
import com.nexustrade.auth.dpop.InvalidDPoPProofException;
import com.nexustrade.auth.dpop.ProofFailure;
import com.nexustrade.auth.dpop.ProofRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/** The {@code DPoP} request header (RFC 9449 §4.1): at most one, or the request is malformed. */
final class DPoPHeader {

    static final String NAME = "DPoP";

    private DPoPHeader() {
    }

    /** @param path the endpoint's path, appended to the configured issuer for {@code htu} */
    static ProofRequest of(HttpServletRequest http, String path, DPoPPolicy policy) {
        List<String> values = http == null ? List.of() : Collections.list(http.getHeaders(NAME));
        if (values.size() > 1) {
            throw new InvalidDPoPProofException(ProofFailure.REPEATED);
        }
        return new ProofRequest(values.isEmpty() ? null : values.get(0), "POST", path, policy);
    }
}
