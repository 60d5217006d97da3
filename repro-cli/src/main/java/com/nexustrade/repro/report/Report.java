package com.nexustrade.repro.report;

import com.nexustrade.repro.ExitCode;
import com.nexustrade.repro.checks.CheckResult;

import java.time.Instant;
import java.util.List;

/**
 * One run of the tool: where it pointed, as whom, each check's result, and notes on what was not run and why
 * (a pass must not be read as covering a check that had no meaning for the target).
 */
public record Report(String toolVersion, String target, String username, Instant startedAt, List<CheckResult> results,
                     List<String> notes) {

    public Report {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    public Report(String toolVersion, String target, String username, Instant startedAt, List<CheckResult> results) {
        this(toolVersion, target, username, startedAt, results, List.of());
    }

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public int exitCode() {
        return passed() ? ExitCode.PASSED : ExitCode.INCIDENT_REPRODUCES;
    }

    /** The last line of every format: the answer QA came for. */
    public String verdict() {
        return passed()
                ? (results.size() == 1 ? "1 check" : "All " + results.size() + " checks") + " passed: incident 04 does not reproduce at "
                        + target + "."
                : failures() + " of " + results.size() + " check" + (results.size() == 1 ? "" : "s")
                        + " failed: incident 04 reproduces at " + target + ".";
    }
}
