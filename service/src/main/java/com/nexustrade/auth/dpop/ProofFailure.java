package com.nexustrade.auth.dpop;

/** Which rule of RFC 9449 §4.3 a proof broke: the {@code reason} of a 400 {@code invalid_dpop_proof}. */
public enum ProofFailure {
    MISSING("missing", "This client must send a DPoP proof (DPoP header)."),
    REPEATED("repeated", "Send exactly one DPoP header."),
    MALFORMED("malformed", "The DPoP proof is not a signed JWT."),
    TYP("typ", "The DPoP proof's typ must be dpop+jwt."),
    ALG("alg", "The DPoP proof's alg is not accepted; see dpop_signing_alg_values_supported."),
    JWK_MISSING("jwk_missing", "The DPoP proof's header carries no public key (jwk)."),
    JWK_PRIVATE("jwk_private", "The DPoP proof's jwk holds private key material; send the public key only."),
    JWK_UNUSABLE("jwk_unusable", "The DPoP proof's jwk does not fit its alg, or is too weak."),
    SIGNATURE("signature", "The DPoP proof's signature does not verify with its jwk."),
    HTM("htm", "The DPoP proof's htm is not this request's method."),
    HTU("htu", "The DPoP proof's htu is not this endpoint's URI."),
    IAT("iat", "The DPoP proof's iat is missing or outside the accepted clock skew."),
    JTI("jti", "The DPoP proof's jti is missing or too long."),
    JTI_REUSED("jti_reused", "This DPoP proof was already used; make a new proof for every request."),
    ATH("ath", "The DPoP proof's ath does not match the access token.");

    private final String reason;
    private final String description;

    ProofFailure(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    public String reason() {
        return reason;
    }

    public String description() {
        return description;
    }
}
