package com.nexustrade.repro.report;

import com.nexustrade.repro.checks.CheckResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The report as GitHub-flavoured Markdown, for a job summary ($GITHUB_STEP_SUMMARY) or a merge-request comment:
 * the verdict, a table of the checks, then each failed check's evidence in a collapsed block.
 */
final class MarkdownReportWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        out.println("### repro " + report.command() + ": " + (report.passed() ? "passed" : report.couldRun() ? "FAILED" : "could not run"));
        out.println();
        out.println("Incident 04 checks against `" + code(report.target()) + "` as `" + code(report.username())
                + "` (repro " + report.toolVersion() + ", exit " + report.exitCode() + ").");
        out.println();
        if (!report.couldRun()) {
            out.println("**Could not run:** " + inline(report.error()));
            out.println();
        } else {
            out.println("| check | result | time | conclusion |");
            out.println("|---|---|---|---|");
            for (CheckResult result : report.results()) {
                out.println("| " + cell(result.name()) + " | " + (result.passed() ? "PASS" : "**FAIL**") + " | "
                        + String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0) + " | "
                        + cell(result.conclusion()) + " |");
            }
            out.println();
            for (CheckResult result : report.results()) {
                if (!result.passed()) {
                    out.println("<details><summary>" + html(result.name()) + ": evidence</summary>");
                    out.println();
                    out.println("```text");
                    result.evidence().forEach(line -> out.println(line.replace("```", "'''")));
                    out.println("```");
                    out.println();
                    out.println("</details>");
                    out.println();
                }
            }
        }
        report.notes().forEach(note -> out.println("- note: " + inline(note)));
        if (!report.notes().isEmpty()) {
            out.println();
        }
        out.println("**" + inline(report.verdict()) + "**");
        out.flush();
    }

    /** Server text inside a table cell: no pipe may end the cell, no newline the row, no tag open. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return html(text.replace("\r", "").replace("\n", " "));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String code(String text) {
        return inline(text).replace("`", "'");
    }
}
