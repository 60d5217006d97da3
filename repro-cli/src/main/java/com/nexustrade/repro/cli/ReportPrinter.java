package com.nexustrade.repro.cli;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.report.Report;
import com.nexustrade.repro.report.MeasurementJsonWriter;
import com.nexustrade.repro.report.ReportFormat;
import com.nexustrade.repro.report.ReportWriter;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the report where the options say: in --format to standard output, or in --format to --output FILE
 * with the text report on standard output, so a CI log still reads well next to the JUnit file.
 */
final class ReportPrinter {

    private final ReportOptions options;
    private final boolean measurement;

    ReportPrinter(ReportOptions options) {
        this(options, false);
    }

    /** A measurement (storm, bench) puts its figures at the top level of its JSON. */
    ReportPrinter(ReportOptions options, boolean measurement) {
        this.options = options;
        this.measurement = measurement;
    }

    void print(Report report, PrintWriter out) {
        if (options.output == null) {
            writer(Ansi.AUTO.enabled()).write(report, out);
            return;
        }
        try {
            Path parent = options.output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent); // CI pipelines name report paths under directories a clean removed
            }
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(options.output, StandardCharsets.UTF_8))) {
                writer(false).write(report, file);
            }
        } catch (IOException e) {
            throw new CannotRunException("Cannot write the report to " + options.output + ": " + e.getMessage() + ".", e);
        }
        ReportFormat.TEXT.writer(Ansi.AUTO.enabled()).write(report, out);
    }

    private ReportWriter writer(boolean colour) {
        if (measurement && options.format == ReportFormat.JSON) {
            return new MeasurementJsonWriter();
        }
        return options.format.writer(options.format == ReportFormat.TEXT && colour);
    }
}
