package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nexustrade.auth.users.PasswordHasher;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code hashing:} block. Each Argon2id verification holds 19 MiB for its duration, so only so many run at
 * once; a caller that finds no free slot within {@code maxQueueWait} is answered 503 with {@code Retry-After}
 * (never 401: its password was not checked, and it does not count as a failure).
 */
public class HashingSettings {

    /** 0 means one per processor, but never more than half the heap in hash memory (at least 2). */
    @Min(0)
    @JsonProperty
    private int maxConcurrentHashes = 0;

    @NotNull
    @JsonProperty
    private Duration maxQueueWait = Duration.seconds(5);

    public int getMaxConcurrentHashes() {
        return maxConcurrentHashes > 0 ? maxConcurrentHashes : PasswordHasher.defaultConcurrentHashes();
    }

    public java.time.Duration getMaxQueueWait() {
        return maxQueueWait.toJavaDuration();
    }
}
