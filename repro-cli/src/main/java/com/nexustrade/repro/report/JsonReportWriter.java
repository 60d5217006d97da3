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

/** The machine report, for dashboards and scripts: the same content as the text report, in stable field names. */
final class JsonReportWriter implements ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "repro");
        root.put("version", report.toolVersion());
        root.put("target", report.target());
        root.put("username", report.username());
        root.put("startedAt", report.startedAt().toString());
        root.put("passed", report.passed());
        root.put("exitCode", report.exitCode());
        root.put("verdict", report.verdict());
        root.put("notes", report.notes());
        root.put("checks", report.results().stream().map(JsonReportWriter::check).toList());
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
        check.put("durationMillis", result.duration().toMillis());
        check.put("facts", result.facts());
        check.put("evidence", List.copyOf(result.evidence()));
        return check;
    }
}
