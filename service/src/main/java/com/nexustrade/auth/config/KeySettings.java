package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * The {@code keys:} block. One directory holds the ES256 signing key(s) and the AES key that seals
 * grace-window successors; several instances share it (or copies of it) so that each verifies the
 * others' tokens and replays the others' rotations.
 */
public class KeySettings {

    @NotBlank
    @JsonProperty
    private String directory = "./data/keys";

    /** Generate the keys when the directory holds none: right for one embedded instance, wrong for a fleet. */
    @JsonProperty
    private boolean generateIfMissing = true;

    public String getDirectory() {
        return directory;
    }

    public boolean isGenerateIfMissing() {
        return generateIfMissing;
    }
}
