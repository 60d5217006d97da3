package com.nexustrade.auth.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code GET :8081/prometheus}: every Dropwizard metric (the {@code nexus-auth.*} outcome counters as
 * {@code nexus_auth_*_total}, resource timers, Jetty, the connection pool) through Prometheus' own bridge, the
 * standard {@code jvm_*} and {@code process_*} metrics, and the request latency histograms.
 */
public final class PrometheusEndpoint {

    public static final String PATH = "/prometheus";

    private PrometheusEndpoint() {
    }

    /** @return the request latency histogram, for what answers requests outside Jersey */
    public static RequestLatency install(Environment environment) {
        // One registry per application, not the global default: tests run several services in one JVM.
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder()
                .dropwizardRegistry(environment.metrics())
                .metricFilter((name, metric) -> exported(name))
                .register(registry);
        JvmMetrics.builder().register(registry);
        RequestLatency latency = new RequestLatency(registry);
        environment.jersey().register(new RequestLatencyFilter(latency));
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
        return latency;
    }

    private static boolean exported(String dropwizardName) {
        // Dropwizard's jvm.* gauges would duplicate the standard jvm_* metrics that dashboards expect.
        // Jersey's "<method>.total" timer would become the same Prometheus name as "<method>" (Prometheus
        // drops the _total suffix) and make every scrape fail; "<method>" is the time dashboards want.
        return !dropwizardName.startsWith("jvm.") && !dropwizardName.endsWith(".total");
    }
}
