package com.nexustrade.repro.report;

import com.nexustrade.repro.ExitCode;
import com.nexustrade.repro.checks.CheckResult;

import java.time.Instant;
import java.util.List;

/**
 * One run of the tool: which command, where it pointed, as whom, each check's result, and notes on what was not run
 * and why (a pass must not be read as covering a check that had no meaning for the target). A run that could not run
 * has no results but an error, the one sentence that says why (exit 2): CI shows it instead of "no report found".
 */
public record Report(String toolVersion, String command, String target, String username, Instant startedAt,
                     List<CheckResult> results, List<String> notes, String error) {

    public Report {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    public static Report of(String toolVersion, String command, String target, String username, Instant startedAt,
                            List<CheckResult> results, List<String> notes) {
        return new Report(toolVersion, command, target, username, startedAt, results, notes, null);
    }

    /** The report of a run that could not run: no results, the sentence that says why. */
    public static Report cannotRun(String toolVersion, String command, String target, String username, Instant startedAt,
                                   String sentence) {
        return new Report(toolVersion, command, target, username, startedAt, List.of(), List.of(), sentence);
    }

    public boolean couldRun() {
        return error == null;
    }

    public boolean passed() {
        return couldRun() && results.stream().allMatch(CheckResult::passed);
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public int exitCode() {
        if (!couldRun()) {
            return ExitCode.CANNOT_RUN;
        }
        return passed() ? ExitCode.PASSED : ExitCode.INCIDENT_REPRODUCES;
    }

    /** The last line of every format: the answer QA came for. */
    public String verdict() {
        if (!couldRun()) {
            return "repro could not run against " + target + ", so there is no verdict: " + error;
        }
        return passed()
                ? (results.size() == 1 ? "1 check" : "All " + results.size() + " checks") + " passed: incident 04 does not reproduce at "
                        + target + "."
                : failures() + " of " + results.size() + " check" + (results.size() == 1 ? "" : "s")
                        + " failed: incident 04 reproduces at " + target + ".";
    }
}
