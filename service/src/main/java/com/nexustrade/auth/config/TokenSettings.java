package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.access.IssuerAndAudience;
import com.nexustrade.auth.refresh.SessionLifetimes;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code tokens:} block of the configuration (docs/api.md, "Configuration"). */
public class TokenSettings {

    @NotBlank
    @JsonProperty
    private String issuer = "http://localhost:8080";

    @NotBlank
    @JsonProperty
    private String audience = "nexustrade-api";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration accessTokenTtl = Duration.minutes(5);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration refreshTokenTtl = Duration.days(30);

    /** Absolute: a session ends this long after its login, however often it is refreshed. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration sessionMaxLifetime = Duration.days(30);

    // Zero is allowed: it turns the grace window off (strict rotation).
    @NotNull
    @JsonProperty
    private Duration refreshReuseGrace = Duration.seconds(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration serviceTokenTtl = Duration.minutes(5);

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }

    public java.time.Duration getAccessTokenTtl() {
        return accessTokenTtl.toJavaDuration();
    }

    public java.time.Duration getRefreshTokenTtl() {
        return refreshTokenTtl.toJavaDuration();
    }

    public java.time.Duration getSessionMaxLifetime() {
        return sessionMaxLifetime.toJavaDuration();
    }

    public java.time.Duration getRefreshReuseGrace() {
        return refreshReuseGrace.toJavaDuration();
    }

    public java.time.Duration getServiceTokenTtl() {
        return serviceTokenTtl.toJavaDuration();
    }

    public IssuerAndAudience buildIssuerAndAudience() {
        return new IssuerAndAudience(getIssuer(), getAudience());
    }

    public SessionLifetimes buildSessionLifetimes() {
        return new SessionLifetimes(getRefreshTokenTtl(), getSessionMaxLifetime(), getRefreshReuseGrace());
    }
}
