package com.nexustrade.repro.report;

import com.nexustrade.repro.checks.CheckResult;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The JSON of a load run (storm, bench): its figures at the top level ("forced_logout_rate", "latency_ms"),
 * where dashboards and jq one-liners look for them, then the verdict and the evidence. A run that could not run
 * has an "error" instead of figures.
 */
public final class MeasurementJsonWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        Map<String, Object> root = JsonReportWriter.head(report);
        if (!report.couldRun()) {
            root.put("passed", false);
            root.put("exit_code", report.exitCode());
            root.put("error", report.error());
            JsonReportWriter.print(root, out);
            return;
        }
        if (report.results().size() != 1) {
            throw new IllegalArgumentException("a measurement report holds one run, not " + report.results().size());
        }
        CheckResult run = report.results().get(0);
        root.putAll(run.facts());
        root.put("passed", report.passed());
        root.put("exit_code", report.exitCode());
        root.put("conclusion", run.conclusion());
        root.put("duration_ms", run.duration().toMillis());
        root.put("evidence", run.evidence());
        JsonReportWriter.print(root, out);
    }
}
