package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.health.DataVolumeHealthCheck;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;

/** The {@code dataVolume:} block: readiness fails when the volume of {@code path} has less than {@code minFreeSpace}. */
public class DataVolumeSettings {

    @NotBlank
    @JsonProperty
    private String path = "./data";

    @NotNull
    @JsonProperty
    private DataSize minFreeSpace = DataSize.gibibytes(1);

    public DataVolumeHealthCheck buildHealthCheck() {
        return new DataVolumeHealthCheck(Path.of(path), minFreeSpace.toBytes());
    }
}
