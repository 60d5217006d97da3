package com.nexustrade.auth.dpop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether a client's login and refresh requests must carry a DPoP proof (docs/dpop.md, "Policy"). */
public enum DPoPPolicy {
    /** A proof binds the session; without one the session is a plain Bearer session, as before DPoP. */
    OPTIONAL,
    /** No session without a proof: an unbound login or refresh is refused with 400 {@code invalid_dpop_proof}. */
    REQUIRED;

    @JsonCreator
    public static DPoPPolicy of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
