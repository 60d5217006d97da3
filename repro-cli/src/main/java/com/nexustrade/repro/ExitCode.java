package com.nexustrade.repro;

/** The exit status rules of docs/repro.md (section "Exit codes"), which CI gates rely on. */
public final class ExitCode {

    /** Every check passed: the incident does not reproduce. */
    public static final int PASSED = 0;
    /** At least one check failed: the incident reproduces; the report says which. */
    public static final int INCIDENT_REPRODUCES = 1;
    /** The tool could not run: bad arguments, target unreachable, login refused. */
    public static final int CANNOT_RUN = 2;

    private ExitCode() {
    }
}
