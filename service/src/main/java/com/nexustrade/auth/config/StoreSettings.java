package com.nexustrade.auth.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code store:} block: how the token store writes and how long it keeps sessions that have ended. */
public class StoreSettings {

    /**
     * Concurrent rotations share one commit (one writer drains them into one transaction). Each is still its own
     * conditional UPDATE and INSERT, and is answered only after the shared commit. Off: one commit per rotation.
     */
    @JsonProperty
    private boolean groupCommit = true;

    /** At most this many rotations in one group commit. */
    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int maxRotationsPerCommit = 256;

    /**
     * Refreshes in progress at once at most, counted from their arrival (before they wait for a pooled connection)
     * to their answer; the twin of a token that is rotating or rotated within about the grace window is not counted
     * and always goes in. One more is answered 503 temporarily_unavailable with Retry-After at once, with nothing
     * read or written (refresh.RotationAdmission; docs/rotation.md, "A storm longer than the grace window").
     * 0: no limit, so a storm longer than the window queues and its late twins are refused as reuse.
     * The default is twice the shipped configs' database.maxSize (32): at most one refresh waits per connection.
     */
    @Min(0)
    @Max(100_000)
    @JsonProperty
    private int maxRefreshesRotating = 64;

    /**
     * How long a session that has ended (revoked) is kept before its rows are purged, so that a late client
     * still hears "revoked" rather than "unknown". Both are answered 401 invalid_grant.
     */
    @NotNull
    @JsonProperty
    private Duration keepEndedSessions = Duration.hours(1);

    public boolean isGroupCommit() {
        return groupCommit;
    }

    public int getMaxRotationsPerCommit() {
        return maxRotationsPerCommit;
    }

    public int getMaxRefreshesRotating() {
        return maxRefreshesRotating;
    }

    public java.time.Duration getKeepEndedSessions() {
        return java.time.Duration.ofMillis(keepEndedSessions.toMilliseconds());
    }
}
