package com.nexustrade.repro.cli;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.Repro;
import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What every command does: build its checks (argument errors surface here, before any request), run them,
 * report, and return 0 when all passed or 1 when the incident reproduces.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = ReproVersion.class)
abstract class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Repro repro;

    abstract List<Check> checks(Session session);

    /** What the report should say about how the target was spoken to, and what was left out and why. */
    List<String> notes(Session session) {
        return session.target().api().notes();
    }

    /** Load runs (storm, bench) report figures, which their JSON puts at the top level. */
    boolean measurement() {
        return false;
    }

    @Override
    public Integer call() {
        ReportPrinter printer = new ReportPrinter(repro.reportOptions(), measurement());
        printer.checkFiles();
        Instant started = Instant.now();
        try {
            Session session = Session.of(repro, spec.commandLine());
            List<Check> checks = checks(session);
            List<CheckResult> results = checks.stream().map(Check::run).toList();
            Report report = Report.of(ReproVersion.version(), spec.name(), session.target().baseUrl().toString(),
                    session.username(), started, results, notes(session));
            printer.print(report, spec.commandLine().getOut());
            return report.exitCode();
        } catch (RuntimeException cannotRun) {
            // Exit 2 still leaves a report that says why, so CI shows the cause instead of "no report found".
            TargetOptions target = repro.targetOptions();
            printer.printCannotRun(Report.cannotRun(ReproVersion.version(), spec.name(), target.baseUrl, target.username,
                    started, CannotRunException.sentenceOf(cannotRun)), spec.commandLine().getOut());
            throw cannotRun; // the one sentence on standard error, and the exit status, come from Repro's handlers
        }
    }
}
