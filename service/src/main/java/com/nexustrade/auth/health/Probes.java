package com.nexustrade.auth.health;

import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.health.HealthCheckConfiguration;
import io.dropwizard.health.HealthCheckType;
import io.dropwizard.health.Schedule;
import io.dropwizard.util.Duration;

import java.util.List;

/**
 * The default {@code health:} block: liveness ({@code GET /health-check?type=alive}) only fails on deadlocked
 * threads, which a restart cures; readiness ({@code GET /health-check}) also needs the database, the signing key
 * and free space on the data volume, which a restart does not cure, so they only take the instance out of the
 * load balancer. The first checks run 100 ms after start; a check counts as failed after two failures in a row
 * (about 2 to 7 s). A {@code health:} block in the configuration file replaces this one.
 */
public final class Probes {

    public static final String PATH = "/health-check";

    private Probes() {
    }

    public static DefaultHealthFactory defaults() {
        DefaultHealthFactory health = new DefaultHealthFactory();
        health.setHealthCheckUrlPaths(List.of(PATH));
        health.setHealthCheckConfigurations(List.of(
                check("deadlocks", HealthCheckType.ALIVE),
                check("database", HealthCheckType.READY),
                check("signing-key", HealthCheckType.READY),
                check("data-volume", HealthCheckType.READY)));
        return health;
    }

    private static HealthCheckConfiguration check(String name, HealthCheckType type) {
        HealthCheckConfiguration check = new HealthCheckConfiguration();
        check.setName(name);
        check.setType(type);
        check.setCritical(true);
        // Healthy until the first check says otherwise: starting unhealthy logs a WARN per check at every start.
        check.setInitialState(true);
        Schedule schedule = new Schedule();
        schedule.setInitialDelay(Duration.milliseconds(100));
        schedule.setCheckInterval(Duration.seconds(5));
        schedule.setDowntimeInterval(Duration.seconds(2));
        schedule.setFailureAttempts(2);
        schedule.setSuccessAttempts(1);
        check.setSchedule(schedule);
        return check;
    }
}
