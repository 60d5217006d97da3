package com.nexustrade.repro.checks;

/**
 * One reproduction step of incident 04. A check that finds the incident returns a failed result with its
 * evidence; a check that cannot run at all throws {@link com.nexustrade.repro.CannotRunException}.
 */
public interface Check {

    /** The command-line name, also the JUnit test case name. */
    String name();

    CheckResult run();
}
