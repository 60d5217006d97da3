package com.nexustrade.repro.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nexustrade.repro.checks.CheckResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine report, for dashboards and scripts: the same content as the text report, every field name in
 * snake_case, as in every command's JSON. A run that could not run has an "error" and no checks.
 */
final class JsonReportWriter implements ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, PrintWriter out) {
        Map<String, Object> root = head(report);
        root.put("passed", report.passed());
        root.put("exit_code", report.exitCode());
        if (!report.couldRun()) {
            root.put("error", report.error());
        }
        root.put("verdict", report.verdict());
        root.put("notes", report.notes());
        root.put("checks", report.results().stream().map(JsonReportWriter::check).toList());
        print(root, out);
    }

    /** What every JSON report starts with: which tool, which command, against what, as whom, when. */
    static Map<String, Object> head(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "repro");
        root.put("version", report.toolVersion());
        root.put("command", report.command());
        root.put("target", report.target());
        root.put("username", report.username());
        root.put("started_at", report.startedAt().toString());
        return root;
    }

    static void print(Map<String, Object> root, PrintWriter out) {
        try {
            JSON.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static Map<String, Object> check(CheckResult result) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", result.name());
        check.put("passed", result.passed());
        check.put("conclusion", result.conclusion());
        check.put("duration_ms", result.duration().toMillis());
        check.put("facts", result.facts());
        check.put("evidence", List.copyOf(result.evidence()));
        return check;
    }
}
