package com.nexustrade.repro.report;

import java.util.function.Function;

/** The report formats; picocli matches them case-insensitively, so users type text, json, junit or markdown. */
public enum ReportFormat {
    TEXT(TextReportWriter::new),
    JSON(ansi -> new JsonReportWriter()),
    JUNIT(ansi -> new JunitReportWriter()),
    MARKDOWN(ansi -> new MarkdownReportWriter());

    private final Function<Boolean, ReportWriter> factory;

    ReportFormat(Function<Boolean, ReportWriter> factory) {
        this.factory = factory;
    }

    /** colour only matters to text, and only when it goes to a terminal. */
    public ReportWriter writer(boolean colour) {
        return factory.apply(colour);
    }
}
