package com.nexustrade.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.config.BootstrapSettings;
import com.nexustrade.auth.config.DataVolumeSettings;
import com.nexustrade.auth.config.HashingSettings;
import com.nexustrade.auth.config.DPoPSettings;
import com.nexustrade.auth.config.KeySettings;
import com.nexustrade.auth.config.OAuth2Settings;
import com.nexustrade.auth.config.StoreSettings;
import com.nexustrade.auth.config.TokenSettings;
import com.nexustrade.auth.access.RolePermissions;
import com.nexustrade.auth.health.Probes;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;

public class AuthConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private TokenSettings tokens = new TokenSettings();

    @Valid
    @NotNull
    @JsonProperty
    private KeySettings keys = new KeySettings();

    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private StoreSettings store = new StoreSettings();

    @Valid
    @NotNull
    @JsonProperty
    private BootstrapSettings bootstrap = new BootstrapSettings();

    @NotNull
    @JsonProperty
    private Map<String, List<String>> roles = Map.of();

    @Valid
    @NotNull
    @JsonProperty
    private OAuth2Settings oauth2 = new OAuth2Settings();

    @Valid
    @NotNull
    @JsonProperty
    private DataVolumeSettings dataVolume = new DataVolumeSettings();

    @Valid
    @NotNull
    @JsonProperty
    private HashingSettings hashing = new HashingSettings();

    @Valid
    @NotNull
    @JsonProperty
    private DPoPSettings dpop = new DPoPSettings();

    public AuthConfiguration() {
        setHealthFactory(Probes.defaults());
    }

    public DataVolumeSettings getDataVolume() {
        return dataVolume;
    }

    public HashingSettings getHashing() {
        return hashing;
    }

    public DPoPSettings getDpop() {
        return dpop;
    }

    public OAuth2Settings getOauth2() {
        return oauth2;
    }

    public TokenSettings getTokens() {
        return tokens;
    }

    public KeySettings getKeys() {
        return keys;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    public StoreSettings getStore() {
        return store;
    }

    public BootstrapSettings getBootstrap() {
        return bootstrap;
    }

    public RolePermissions buildRolePermissions() {
        return new RolePermissions(roles);
    }
}
