package com.nexustrade.repro.cli;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.report.MeasurementJsonWriter;
import com.nexustrade.repro.report.Report;
import com.nexustrade.repro.report.ReportFormat;
import com.nexustrade.repro.report.ReportWriter;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sends the report where the options say: in --format to standard output, or in --format to --output FILE
 * with the text report on standard output, so a CI log still reads well next to the JUnit file; and in Markdown to
 * the end of --summary FILE. The files are checked before any request ({@link #checkFiles}): a run must not end,
 * minutes later, without its report.
 */
final class ReportPrinter {

    private final ReportOptions options;
    private final boolean measurement;

    /** A measurement (storm, bench) puts its figures at the top level of its JSON. */
    ReportPrinter(ReportOptions options, boolean measurement) {
        this.options = options;
        this.measurement = measurement;
    }

    /** Exit 2 now, before any request, when a report file could not be written at the end. */
    void checkFiles() {
        if (options.output != null) {
            checkWritable(options.output, "the report");
        }
        if (options.summary != null) {
            checkWritable(options.summary, "the summary");
        }
    }

    void print(Report report, PrintWriter out) {
        if (options.output == null) {
            writer(Ansi.AUTO.enabled()).write(report, out);
        } else {
            write(options.output, writer(false), report, StandardOpenOption.TRUNCATE_EXISTING);
            ReportFormat.TEXT.writer(Ansi.AUTO.enabled()).write(report, out);
        }
        if (options.summary != null) {
            write(options.summary, ReportFormat.MARKDOWN.writer(false), report, StandardOpenOption.APPEND);
        }
    }

    /**
     * A run that could not run: its report goes to the files, and to standard output when a machine reads it there;
     * a person reads the one sentence on standard error instead.
     */
    void printCannotRun(Report report, PrintWriter out) {
        try {
            if (options.output != null) {
                write(options.output, writer(false), report, StandardOpenOption.TRUNCATE_EXISTING);
            } else if (options.format != ReportFormat.TEXT) {
                writer(false).write(report, out);
            }
            if (options.summary != null) {
                write(options.summary, ReportFormat.MARKDOWN.writer(false), report, StandardOpenOption.APPEND);
            }
        } catch (CannotRunException unwritable) {
            // the sentence of why it could not run is the one to show; the files were checked at the start
        }
    }

    private static void checkWritable(Path file, String what) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        String cannot = "Cannot write " + what + " to " + file + ": ";
        if (Files.isDirectory(absolute)) {
            throw new CannotRunException(cannot + "it is a directory.");
        }
        if (directory != null && !Files.isDirectory(directory)) {
            // CI pipelines name report paths under directories a clean removed: one level is created, a path further
            // off is a mistake, better found now than after the checks ran.
            if (directory.getParent() == null || !Files.isDirectory(directory.getParent())) {
                throw new CannotRunException(cannot + "neither " + directory + " nor its parent exists.");
            }
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new CannotRunException(cannot + "cannot create " + directory + " (" + e.getMessage() + ").", e);
            }
        }
        if (directory != null && !Files.isWritable(directory) || Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new CannotRunException(cannot + "not writable.");
        }
    }

    private static void write(Path file, ReportWriter writer, Report report, OpenOption mode) {
        try (PrintWriter print = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode))) {
            writer.write(report, print);
        } catch (IOException e) {
            throw new CannotRunException("Cannot write the report to " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private ReportWriter writer(boolean colour) {
        if (measurement && options.format == ReportFormat.JSON) {
            return new MeasurementJsonWriter();
        }
        return options.format.writer(options.format == ReportFormat.TEXT && colour);
    }
}
