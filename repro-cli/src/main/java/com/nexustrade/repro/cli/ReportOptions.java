package com.nexustrade.repro.cli;

import com.nexustrade.repro.report.ReportFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** How to report: the format, where to, and whether tokens may be shown. Inherited by every command. */
public class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "text (coloured on a terminal; NO_COLOR turns colour off), json, junit or markdown "
                    + "(default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the report in --format to FILE (also when the tool cannot run: exit 2 leaves a report "
                    + "that says why); the text report still goes to standard output. FILE's directory is created if its "
                    + "parent exists.")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Also append the report in Markdown to FILE, e.g. \"$GITHUB_STEP_SUMMARY\" for a GitHub job summary.")
    Path summary;

    @Option(names = "--show-tokens", scope = ScopeType.INHERIT,
            description = "Show tokens in full. By default a token shows as its first 6 characters: reports end up in CI logs.")
    boolean showTokens;
}
