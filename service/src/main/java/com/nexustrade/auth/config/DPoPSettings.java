package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code dpop:} block (docs/dpop.md): how proofs are checked. Which clients need them is {@code oauth2.clients}. */
public class DPoPSettings {

    /**
     * How far a proof's {@code iat} may be from the server's clock, either way. It is also how long a jti is kept
     * (twice this, at most): a longer skew tolerates worse phone clocks and keeps more rows.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration maxClockSkew = Duration.seconds(60);

    /** RFC 9449 §8: proofs must carry a server nonce (handed out in {@code DPoP-Nonce}, valid one to two minutes). */
    @JsonProperty
    private boolean requireNonce = false;

    public boolean isRequireNonce() {
        return requireNonce;
    }

    public java.time.Duration getMaxClockSkew() {
        return maxClockSkew.toJavaDuration();
    }
}
