package com.nexustrade.repro.report;

import com.nexustrade.repro.checks.CheckResult;
import picocli.CommandLine.Help.Ansi.Style;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The human report: per check a PASS/FAIL line, the conclusion, then the evidence. Colour is applied as raw
 * escape codes around fixed words, never as picocli markup: evidence holds server bodies, which must not be
 * read as markup.
 */
final class TextReportWriter implements ReportWriter {

    private final boolean colour;

    TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        out.println(paint("repro " + report.toolVersion(), Style.bold) + ": incident 04 checks against "
                + report.target() + " as " + report.username());
        report.notes().forEach(note -> out.println("  note: " + note));
        if (!report.couldRun()) {
            out.println();
            out.println(paint("COULD NOT RUN", Style.bold, Style.fg_red) + " " + report.error());
        }
        for (CheckResult result : report.results()) {
            out.println();
            out.println((result.passed() ? paint("PASS", Style.bold, Style.fg_green) : paint("FAIL", Style.bold, Style.fg_red))
                    + " " + paint(result.name(), Style.bold)
                    + String.format(Locale.ROOT, " (%.1f s)", result.duration().toMillis() / 1000.0));
            out.println("  " + result.conclusion());
            result.evidence().forEach(line -> out.println("    " + line));
        }
        out.println();
        out.println(paint(report.verdict(), Style.bold, report.passed() ? Style.fg_green : Style.fg_red));
        out.flush();
    }

    private String paint(String text, Style... styles) {
        if (!colour) {
            return text;
        }
        return Arrays.stream(styles).map(style -> style.on()).collect(Collectors.joining()) + text + Style.reset.on();
    }
}
