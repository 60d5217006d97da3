package com.nexustrade.repro;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the tool in-process, as main would, capturing what it prints and its exit status. */
public record ReproRun(int exitCode, String out, String err) {

    public static ReproRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    public static ReproRun withEnvironment(Map<String, String> environment, String... args) {
        return run(new Repro(environment::get, () -> false), args);
    }

    /** As run from a terminal: standard error is one, whatever standard output is (here, as in CI, a capture). */
    public static ReproRun onTerminal(String... args) {
        return run(new Repro(Map.<String, String>of()::get, () -> true), args);
    }

    private static ReproRun run(Repro repro, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Repro.commandLine(repro);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new ReproRun(exitCode, out.toString(), err.toString());
    }
}
