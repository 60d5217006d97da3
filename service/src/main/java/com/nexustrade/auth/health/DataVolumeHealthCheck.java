package com.nexustrade.auth.health;

import com.codahale.metrics.health.HealthCheck;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unhealthy when the volume holding the data directory has less usable space than the configured minimum: a
 * full disk stops H2 mid-write and makes every refresh fail, so the instance should leave the load balancer first.
 */
public final class DataVolumeHealthCheck extends HealthCheck {

    private final Path directory;
    private final long minFreeBytes;

    public DataVolumeHealthCheck(Path directory, long minFreeBytes) {
        this.directory = directory.toAbsolutePath().normalize();
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    protected Result check() throws IOException {
        FileStore store = Files.getFileStore(existingAncestor(directory));
        long usable = store.getUsableSpace();
        String figures = String.format("%s: %,d MiB usable of %,d MiB, minimum %,d MiB", directory,
                usable >> 20, store.getTotalSpace() >> 20, minFreeBytes >> 20);
        return usable >= minFreeBytes ? Result.healthy(figures) : Result.unhealthy("volume nearly full: " + figures);
    }

    /** The directory may not exist yet (first start on PostgreSQL): its volume is that of its nearest ancestor. */
    private static Path existingAncestor(Path path) {
        Path current = path;
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current == null ? Path.of("/") : current;
    }
}
