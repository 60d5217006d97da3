package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.keys.KeyDirectory;
import jakarta.validation.constraints.NotBlank;

import java.nio.file.Path;

/**
 * The {@code keys:} block. The ES256 signing key and the AES key that seals grace-window successors come
 * from the environment (PEM / base64 text, e.g. a Kubernetes secret) or from files in one directory.
 * Instances that share a database must share these keys, so that each verifies the others' tokens and
 * replays the others' rotations.
 */
public class KeySettings {

    @NotBlank
    @JsonProperty
    private String directory = "./data/keys";

    /** Generate missing key files: right for one embedded instance, wrong for a fleet (each would have its own). */
    @JsonProperty
    private boolean generateIfMissing = true;

    /** The active signing key as PKCS#8 PEM text; when set it wins over {@code directory/signing-key.pem}. */
    @JsonProperty
    private String signingKeyPem = "";

    /** The seal key as base64 of 32 bytes; when set it wins over {@code directory/seal.key}. */
    @JsonProperty
    private String sealKey = "";

    public KeyDirectory buildKeyDirectory() {
        return new KeyDirectory(Path.of(directory), generateIfMissing, getSigningKeyPem(), getSealKey());
    }

    public String getSigningKeyPem() {
        return signingKeyPem == null ? "" : signingKeyPem;
    }

    public String getSealKey() {
        return sealKey == null ? "" : sealKey;
    }
}
