package com.nexustrade.repro.cli;

import com.nexustrade.repro.report.ReportFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** How to report: the format, where to, and whether tokens may be shown. Inherited by every command. */
public class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "text (coloured on a terminal; NO_COLOR turns colour off), json or junit (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the report in --format to FILE; the text report still goes to standard output.")
    Path output;

    @Option(names = "--show-tokens", scope = ScopeType.INHERIT,
            description = "Show tokens in full. By default a token shows as its first 6 characters: reports end up in CI logs.")
    boolean showTokens;
}
