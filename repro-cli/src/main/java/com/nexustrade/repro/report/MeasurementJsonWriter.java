package com.nexustrade.repro.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nexustrade.repro.checks.CheckResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of a load run (storm, bench): its figures at the top level ("forced_logout_rate", "latency_ms"),
 * where dashboards and jq one-liners look for them, then the verdict and the evidence.
 */
public final class MeasurementJsonWriter implements ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, PrintWriter out) {
        if (report.results().size() != 1) {
            throw new IllegalArgumentException("a measurement report holds one run, not " + report.results().size());
        }
        CheckResult run = report.results().get(0);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "repro");
        root.put("version", report.toolVersion());
        root.put("command", run.name());
        root.put("target", report.target());
        root.put("username", report.username());
        root.put("startedAt", report.startedAt().toString());
        root.putAll(run.facts());
        root.put("passed", report.passed());
        root.put("exitCode", report.exitCode());
        root.put("conclusion", run.conclusion());
        root.put("durationMillis", run.duration().toMillis());
        root.put("evidence", run.evidence());
        try {
            JSON.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
