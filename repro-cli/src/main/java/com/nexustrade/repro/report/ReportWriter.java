package com.nexustrade.repro.report;

import java.io.PrintWriter;

/** Renders a report in one format. */
public interface ReportWriter {

    void write(Report report, PrintWriter out);
}
